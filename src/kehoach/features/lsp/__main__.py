"""`python -m kehoach.features.lsp`: the language server, as `kehoach lsp` runs it."""

from kehoach.features.lsp.server import serve

serve()
