"""Subcommands of the `museum` command line, one module per group; each has `register()`."""
