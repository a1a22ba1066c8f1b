"""The catalogue: everything Museum knows and does, with no Qt in it."""
