"""Feeds in, clean articles out: fetching, parsing, identity and de-duplication (no Discord here)."""
