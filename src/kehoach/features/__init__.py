"""What a clerk does with plans besides render and check: diff, new, fmt, batch, pdf, info, init, textconv."""
