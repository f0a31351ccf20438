"""Slash-command cogs, loaded automatically by `SitrepBot.setup_hook`; each is thin: parse, call, render."""
