"""Vietnamese writing conventions shared by composing and checking: dates, numbers, money, document types."""
