"""CLI subcommands. Each module defines `register(subparsers)`; cli.COMMANDS names it with its
help, and cli.py imports it only when its command is chosen.

A command's handler takes the parsed arguments and returns an exit code; typed errors
(CommandCentreError) are turned into one-line messages and exit code 2 by cli.py.
"""
