"""Kinds of documents as data: data/kinds/*.yaml says, for each kind, its name, the model of its body, its
template, its title block, the parts it has and every sentence kehoach writes for it (`catalog`); one
generic composer turns any document into what its template prints (`compose`).
"""
