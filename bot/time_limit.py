"""A limit on the CPU time of one piece of work in an analysis worker, enforced with SIGPROF.

Why: feed text is untrusted, and one text that sends a pattern into catastrophic backtracking (or meets a bug that
loops) would otherwise hold its worker until the pool's limit for the whole call kills it, and then cost a
time-out for every halving of its chunk before it is found. With a limit per text the worker gives up on that text
alone, at once, and goes on with the next.

CPU time, not wall time (`ITIMER_PROF`): a stuck pattern burns CPU, while a worker that is merely paused (a busy
or suspended machine) must not give up a healthy text, which would then stay untagged for good. Python runs a
signal handler between bytecodes, so the limit stops Python code and the `re` module (which checks for signals
while it matches); a C extension that never returns to the interpreter ignores it, and the pool's own limit
(`bot.facts.CALL_TIMEOUT_S`) still covers that. Only a process that owns its signals should use them: the analysis
workers call `enable_time_limits()` when they start; everywhere else `time_limit` does nothing.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(Exception):
    """The work under `time_limit` ran longer than its limit."""


_enabled = False
_armed = False  # an alarm that fires once its block is left (a race at the edge) raises nothing


def enable_time_limits() -> None:
    """Let `time_limit` work in this process (on platforms with `setitimer`: not Windows)."""
    global _enabled
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGPROF, _on_alarm)
        _enabled = True


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` inside the block once it has used `seconds` of CPU, where `enable_time_limits()`
    was called. Limits do not nest (there is one timer): a block inside another raises `RuntimeError`."""
    global _armed
    if not _enabled:
        yield
        return
    if _armed:
        raise RuntimeError("time limits do not nest")
    _armed = True
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if _armed:
        raise TimeLimitExceeded
