"""CLI subcommands. Each module defines `register(subparsers)`; cli.py discovers them all.

A command's handler takes the parsed arguments and returns an exit code; typed errors
(CommandCentreError) are turned into one-line messages and exit code 2 by cli.py.
"""
