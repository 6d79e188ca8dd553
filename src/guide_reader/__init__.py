"""Guide Reader: an offline reader of French health guides."""

__version__ = "0.1.0"
