"""Subcommands of ``guide-reader``, one module per area; each has ``register(command)``."""
