"""What a document is made of (pydantic), its numbering and references; imports nothing from rendering."""
