"""`make report`: what needs an editor's attention, and a summary of the data.

The build only fails on errors and warnings; notices (an entry not reviewed for 12 months) are
listed here instead, so the yearly review has one place to start. The summary answers the
questions a coordinator asks: who covers which municipality, which topics have nobody to call,
and which municipalities have no partner of their own.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .problems import Problem
from .site import Site


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """Plain-text columns: the first left-aligned, the rest right-aligned."""
    cells = [list(map(str, header)), *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
            for row in cells]


def _section(title: str, lines: list[str]) -> list[str]:
    return [title, *(lines or ["  (none)"]), ""]


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


def format_report(site: Site, problems: Sequence[Problem], today: datetime.date) -> str:
    warnings = [p for p in problems if p.severity == "warning"]
    notices = [p for p in problems if p.severity == "notice"]
    serving_all = sum(1 for p in site.partners if p.serves_all)
    rows = municipality_rows(site)
    lonely_topics = [t for t in site.topics if not site.consultants_for_topic_by_employer(t.id)]
    no_partner = [row[0] for row in rows if row[4] == 0]
    lines = [f"Data report for {site.alliance.name}, {today.isoformat()}", ""]
    lines += _section(f"Warnings ({len(warnings)}): these fail the site build", [f"  {p.format()}" for p in warnings])
    lines += _section(f"Notices ({len(notices)}): entries to review", [f"  {p.format()}" for p in notices])
    table = _table(("Municipality", "Consultants", "incl. members'", "Partners", "of which local", "Oldest review"), rows)
    total = sum(r[1] for r in rows)
    lines += _section(f"Municipalities ({len(rows)}), {total} consultants", table)
    lines += _section(f"Topics with no consultant ({len(lonely_topics)})",
                      [f"  {t.id} ({t.title}): {len(site.partners_for_topic(t.id))} partner(s)" for t in lonely_topics])
    lines += _section(f"Municipalities with no partner of their own ({len(no_partner)}); "
                      f"{serving_all} partner(s) serve all municipalities", [f"  {name}" for name in no_partner])
    lines.append(f"Totals: {len(site.municipalities)} municipalities, {site.consultant_count} consultants, "
                 f"{len(site.partners)} partners, {len(site.topics)} topics.")
    return "\n".join(lines) + "\n"
