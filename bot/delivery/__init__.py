"""What Sitrep sends: domain data rendered as Discord message payloads (plain dicts, no discord import here)."""
