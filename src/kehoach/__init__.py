"""kehoach: an ND30 plan (Kế hoạch) from YAML data."""

__version__ = "0.1.0"
