"""Plan → Word document: text formatting, the template context, the .docx writer."""
