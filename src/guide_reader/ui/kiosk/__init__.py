"""Kiosk mode for waiting rooms: full screen, touch first, a reset after each visitor."""
