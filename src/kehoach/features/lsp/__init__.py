"""The language server (`kehoach lsp`): kehoach's checks, completion and navigation inside any editor.

analysis: each file checked as `kehoach check` checks it, from the editor's text; cursor, schema, ids:
where the cursor is, what may be written there, what an id stands for; answers: the replies; server: pygls.
"""
