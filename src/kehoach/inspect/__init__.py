"""Reading a .docx back, the way Word shows it."""
