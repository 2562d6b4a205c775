"""Development-time only: what builds the shipped Word templates."""
