"""`make report`: what needs an editor's attention, and a summary of the data.

The build only fails on errors and warnings; notices (an entry not reviewed for 12 months) are
listed here instead, so the yearly review has one place to start. The summary answers the
questions a coordinator asks: who covers which municipality, which topics have nobody to call,
and which municipalities have no partner of their own.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from alliance_site.data.problems import Problem
from alliance_site.data.site import Site
from alliance_site.data.text import counted


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """Plain-text columns: the first left-aligned, the rest right-aligned."""
    cells = [list(map(str, header)), *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
            for row in cells]


def _section(title: str, lines: list[str]) -> list[str]:
    return [title, *(lines or ["  (ingen)"]), ""]


def municipality_rows(site: Site) -> list[tuple[str, int, int, int, int, str]]:
    """Per municipality: its own consultants, everyone serving it (members' consultants too),
    partners serving it and how many of those are local, and the oldest review date."""
    rows = []
    for m in site.municipalities:
        partners = site.partners_serving(m.id)
        local = sum(1 for p in partners if not p.serves_all)
        oldest = min((c.reviewed for c in m.consultants), default=None)
        rows.append((m.name, len(m.consultants), len(site.consultants_serving(m.id)), len(partners), local,
                     oldest.isoformat() if oldest else "-"))
    return rows


def format_report(site: Site, problems: Sequence[Problem], today: datetime.date,
                  examples: Sequence[Problem] = ()) -> str:
    """The report; `examples` are the example contacts (example_data.py), listed in every run,
    as a production build refuses them unless the alliance is a demo."""
    warnings = [p for p in problems if p.severity == "warning"]
    notices = [p for p in problems if p.severity == "notice"]
    serving_all = sum(1 for p in site.partners if p.serves_all)
    rows = municipality_rows(site)
    lonely_topics = [t for t in site.topics if not site.consultants_for_topic_by_employer(t.id)]
    no_partner = [row[0] for row in rows if row[4] == 0]
    lines = [f"Datarapport for {site.alliance.name}, {today.isoformat()}", ""]
    lines += _section(f"Advarsler ({len(warnings)}): de stopper bygningen af siden", [f"  {p.format()}" for p in warnings])
    lines += _section(f"Påmindelser ({len(notices)}): poster, der skal tjekkes", [f"  {p.format()}" for p in notices])
    stop = ("sitet er et eksempel (demo: true)" if site.alliance.demo
            else "de stopper bygningen af sitet på en rigtig adresse")
    lines += _section(f"Eksempeldata ({len(examples)}): {stop}", [f"  {p.format()}" for p in examples])
    table = _table(("Kommune", "Konsulenter", "inkl. medlemmers", "Partnere", "heraf lokale", "Ældste tjek"), rows)
    total = sum(r[1] for r in rows)
    lines += _section(f"Kommuner ({len(rows)}), {counted(total, 'konsulent', 'konsulenter')}", table)
    lines += _section(f"Emner uden konsulent ({len(lonely_topics)})",
                      [f"  {t.id} ({t.title}): {counted(len(site.partners_for_topic(t.id)), 'partner', 'partnere')}"
                       for t in lonely_topics])
    lines += _section(f"Kommuner uden egen partner ({len(no_partner)}); "
                      f"{counted(serving_all, 'partner', 'partnere')} betjener alle kommuner",
                      [f"  {name}" for name in no_partner])
    lines.append(f"I alt: {counted(len(site.municipalities), 'kommune', 'kommuner')}, "
                 f"{counted(site.consultant_count, 'konsulent', 'konsulenter')}, "
                 f"{counted(len(site.partners), 'partner', 'partnere')}, {counted(len(site.topics), 'emne', 'emner')}.")
    return "\n".join(lines) + "\n"
