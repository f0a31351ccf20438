"""How often the garbage collector runs in a Sitrep process.

Why: CPython collects its youngest generation after every 700 new container objects. Ingesting one article
makes about a thousand (its analysis results from a worker, its rows, its story's new profile), and most of them
live until their batch is written, so with the default every batch sets off dozens of young collections that
find nothing to free and promote the batch into the older generations, whose collections walk the whole heap
(the open stories, a week of near-duplicate signatures). Measured on bench/analyze.py's measure phase: the main
process spent 0.2 s of 2.7 s in the collector and about 10% more CPU per article; with a young threshold of
50,000, 0.05 s. Reference cycles are still collected, after 50,000 allocations instead of 700 (usually a few MB
longer).
The analysis workers keep the default: their objects die young, and raising it there measured no difference.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000


def tune_garbage_collector() -> None:
    """Collect the youngest generation after `YOUNG_THRESHOLD` allocations; the older thresholds stay as they are."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)
