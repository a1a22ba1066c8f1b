"""The Qt face of Museum. Everything it knows comes from museum.core."""
