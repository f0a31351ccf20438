"""What a server's commands do, free of discord.py: the cogs parse an interaction, call these, and render."""
