"""Builders of the shipped Word templates, run by hand; never imported at run time."""
