"""The relations chart: stacked daily article counts by domain, as a PNG.

matplotlib is imported only when a chart is drawn (it takes a moment to import) and always with the Agg
backend, so a server without a display can draw.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

from bot.intel.relations import RelationTrend

DOMAIN_COLOURS = {
    "military": "#b2182b", "cyber": "#5e3c99", "information": "#e08214", "diplomacy": "#2166ac",
    "economy": "#1b7837", "politics": "#8c510a", "humanitarian": "#01665e", "other": "#878787",
}


def relations_chart(trend: RelationTrend, names: tuple[str, str]) -> bytes:
    """A PNG of the current period, one bar per day, stacked by domain, with readable labels."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.ticker import MaxNLocator

    first = trend.start.date() + timedelta(days=1)
    days = [first + timedelta(days=i) for i in range((trend.end.date() - first).days + 1)]
    counts = dict(trend.daily)
    domains = [d for d in DOMAIN_COLOURS if any(d in counts.get(day.isoformat(), {}) for day in days)]
    figure, axes = plt.subplots(figsize=(10, 4.8), dpi=110)
    try:
        bottoms = [0] * len(days)
        for domain in domains:
            values = [counts.get(day.isoformat(), {}).get(domain, 0) for day in days]
            axes.bar(days, values, bottom=bottoms, color=DOMAIN_COLOURS[domain], label=domain, width=0.8)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        axes.set_title(f"{names[0]} – {names[1]}: articles per day by domain "
                       f"({_fmt(days[0])} to {_fmt(days[-1])})")
        axes.set_ylabel("articles")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", alpha=0.3)
        if domains:
            axes.legend(loc="upper left", frameon=False, ncols=min(len(domains), 4))
        else:
            axes.text(0.5, 0.5, "no coverage in this period", transform=axes.transAxes, ha="center")
        axes.xaxis.set_major_locator(AutoDateLocator(maxticks=12))
        axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
        figure.autofmt_xdate()
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _fmt(day: date) -> str:
    return day.strftime("%d %b %Y")
