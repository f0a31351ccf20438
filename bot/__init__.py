"""Sitrep: a Discord bot that keeps a community briefed on world news."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/sitrep-bot/sitrep"
