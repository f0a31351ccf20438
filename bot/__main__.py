"""`python -m bot` is the same CLI as the `sitrep` console script."""

from bot.cli import main

# Guarded: analysis workers are spawned processes, which import the parent's main module under another name.
if __name__ == "__main__":
    raise SystemExit(main())
