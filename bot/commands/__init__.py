"""CLI subcommands: each module registers its parser and runs the same domain services the bot uses."""
