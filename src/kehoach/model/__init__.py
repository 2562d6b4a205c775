"""What a document is made of (pydantic), its numbering and references; imports nothing from rendering.

Every command pays for these models at start, so they are declared to be cheap to build: each is built at its
first validation (`defer_build`, kehoach.model.fields), and the modules that declare models do not use
`from __future__ import annotations`, whose strings pydantic would have to evaluate one by one (about 3 ms).
"""
