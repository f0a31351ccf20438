"""Data files (lexicons, gazetteers) read with importlib.resources."""
