"""Reading a clerk's files: YAML with positions, shared files, git revisions."""
