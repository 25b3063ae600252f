"""Human-readable summaries that travel inside a bundle: a CSV table and a PDF report.

Both are built in memory from the exact records being shared (nothing is written to disk). The
PDF (fpdf2) holds a mood chart, emotion trends and the chosen entries; it describes what the
person recorded and never offers a diagnosis. Pure functions, any thread.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from mindspace.core.rules import SCALE_MAX, SCALE_MIN, SCALE_VALUES, format_day, format_minute

FONT_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf",
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)
DISCLAIMER = (
    "This report shows only what the person chose to share from their own journal and check-ins."
    " It is a record, not an assessment or a diagnosis."
)
SHARED_WORDS = {
    "share.export": "Bundle file",
    "share.queue": "Sent by relay",
    "research.export": "Research export",
    "data.export": "Data export",
}
CSV_COLUMNS = (
    "kind",
    "id",
    "date",
    "mood",
    "energy",
    "emotions",
    "activities",
    "sleep_hours",
    "title",
    "tags",
    "text",
)


def build_csv(
    mood: Sequence[dict[str, Any]],
    entries: Sequence[dict[str, Any]],
    voice: Sequence[dict[str, Any]] = (),
    measures: Sequence[dict[str, Any]] = (),
) -> bytes:
    """One table, one row per shared record, oldest first (UTF-8 with a BOM for spreadsheets)."""
    rows: list[dict[str, Any]] = []
    for m in mood:
        rows.append(
            {
                "kind": "mood",
                "id": m["id"],
                "date": m["checkin_at"],
                "mood": m["mood"],
                "energy": m.get("energy") or "",
                "emotions": ";".join(m.get("emotions", [])),
                "activities": ";".join(m.get("activities", [])),
                "sleep_hours": "" if m.get("sleep_hours") is None else m["sleep_hours"],
                "text": m.get("note", ""),
            }
        )
    for e in entries:
        rows.append(
            {
                "kind": "journal",
                "id": e["id"],
                "date": e["entry_at"],
                "title": e["title"],
                "tags": ";".join(e.get("tags", [])),
                "text": e["body"],
            }
        )
    for v in voice:
        rows.append(
            {
                "kind": "voice",
                "id": v["id"],
                "date": v.get("recorded_at", ""),
                "text": v.get("summary", "")
                + ("\n" + v["transcript"] if v.get("transcript") else ""),
            }
        )
    for q in measures:
        rows.append({"kind": "questionnaire", "id": q["id"], "date": q.get("taken_at", ""),
                     "title": q.get("short_name", q.get("instrument", "")),
                     "text": measure_text(q)})
    rows.sort(key=lambda r: (str(r["date"]), r["kind"]))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_safe(v) for k, v in row.items()})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def measure_text(q: dict[str, Any]) -> str:
    """One questionnaire in words: score and range, change since last time, the item-9 answer."""
    parts = [str(q.get("summary", ""))]
    if q.get("change_text") and q.get("change"):
        parts.append(str(q["change_text"]))
    if q.get("item9") is not None:
        answer = q.get("item9_answer", q["item9"])
        alert = " - safety follow-up needed" if q.get("safety_followup") else ""
        parts.append(f"Item 9 (thoughts of being better off dead or of self-harm): "
                     f"{answer} ({q['item9']}){alert}")
    return "; ".join(p for p in parts if p)


INSIGHTS_NOTE = (
    "Computed on the person's device from their own records over the shared period. Links "
    "with mood are observations (\"goes with\"), not causes; each shows its 95 % interval and "
    "the days behind it, after false-discovery control.")


def insight_lines(rec: dict[str, Any]) -> list[str]:
    """One shared insight in words: its title, its summary, then its lines."""
    period = f"{rec.get('start') or 'the beginning'} to {rec.get('end') or ''}"
    out = [str(rec.get("title") or rec.get("kind") or "Insight"),
           f"{rec.get('summary', '')} (period: {period})"]
    lines = rec.get("lines")
    out += [f"- {line}" for line in (lines if isinstance(lines, list) else []) if
            isinstance(line, str)]
    return out


def measures_first_alerts(measures: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Forms with an item-9 answer of 1 or more first (newest first), then the rest by date."""
    alerts = sorted((q for q in measures if q.get("safety_followup")),
                    key=lambda q: str(q.get("taken_at", "")), reverse=True)
    rest = sorted((q for q in measures if not q.get("safety_followup")),
                  key=lambda q: (str(q.get("instrument", "")), str(q.get("taken_at", ""))))
    return alerts + rest


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in free text (a leading = + - @ is quoted with ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def daily_mood(mood: Sequence[dict[str, Any]]) -> list[tuple[str, float]]:
    """(day, mean mood) per day, oldest first: the one daily mean of the PDF report and the
    clinician screen."""
    by_day: dict[str, list[int]] = {}
    for m in mood:
        by_day.setdefault(format_day(str(m["checkin_at"])), []).append(int(m["mood"]))
    return [(day, sum(v) / len(v)) for day, v in sorted(by_day.items())]


def emotion_trends(mood: Sequence[dict[str, Any]], top: int = 8) -> list[tuple[str, int]]:
    """The `top` emotions named in the check-ins (case-folded) with their counts."""
    counts: Counter[str] = Counter()
    for m in mood:
        counts.update(e.casefold() for e in m.get("emotions", []))
    return counts.most_common(top)


class _Pdf:
    def __init__(self) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(True, margin=15)
        self.pdf.set_margins(18, 18, 18)
        self.unicode = False
        for candidate in FONT_CANDIDATES:
            if candidate.is_file():
                self.pdf.add_font("Body", "", str(candidate))
                self.unicode = True
                break
        self.family = "Body" if self.unicode else "Helvetica"
        self.pdf.add_page()

    def text(self, value: str) -> str:
        return value if self.unicode else value.encode("latin-1", "replace").decode("latin-1")

    def heading(self, value: str, size: int = 14) -> None:
        self.pdf.set_font(self.family, size=size)
        self.pdf.multi_cell(0, size * 0.6, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def para(self, value: str, size: int = 10) -> None:
        self.pdf.set_font(self.family, size=size)
        self.pdf.multi_cell(0, 5, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)


def _mood_chart(doc: _Pdf, points: list[tuple[str, float]]) -> None:
    pdf = doc.pdf
    left, width, height = pdf.l_margin + 8, pdf.epw - 8, 50.0
    if pdf.get_y() + height + 12 > pdf.h - pdf.b_margin:
        pdf.add_page()
    top = pdf.get_y()
    pdf.set_draw_color(170, 170, 170)
    pdf.set_font(doc.family, size=7)
    span = SCALE_MAX - SCALE_MIN
    for level in SCALE_VALUES:
        y = top + height - (level - SCALE_MIN) / span * height
        pdf.line(left, y, left + width, y)
        pdf.text(pdf.l_margin, y + 1, str(level))
    pdf.set_draw_color(33, 102, 172)
    pdf.set_line_width(0.6)
    n = len(points)
    coords = [
        (left + (i / (n - 1) if n > 1 else 0.5) * width, top + height - (v - 1) / 4 * height)
        for i, (_, v) in enumerate(points)
    ]
    for (x1, y1), (x2, y2) in zip(coords, coords[1:], strict=False):
        pdf.line(x1, y1, x2, y2)
    for x, y in coords:
        pdf.set_fill_color(33, 102, 172)
        pdf.rect(x - 0.7, y - 0.7, 1.4, 1.4, style="F")
    pdf.set_line_width(0.2)
    pdf.text(left, top + height + 5, points[0][0])
    pdf.text(left + width - 16, top + height + 5, points[-1][0])
    pdf.set_y(top + height + 9)


def build_pdf(
    patient: str,
    therapist: str,
    created_at: str,
    period: str,
    mood: Sequence[dict[str, Any]],
    entries: Sequence[dict[str, Any]],
    voice: Sequence[dict[str, Any]] = (),
    analysis: Sequence[dict[str, Any]] = (),
    measures: Sequence[dict[str, Any]] = (),
    shared: Sequence[dict[str, Any]] | None = None,
    insights: Sequence[dict[str, Any]] = (),
) -> bytes:
    """The PDF report; `shared` (rows of time, kind, detail) adds "What I shared and when";
    `insights` (the `insight` records the person chose) adds a section "Insights"."""
    doc = _Pdf()
    doc.pdf.set_title(doc.text(f"MindSpace summary from {patient}"))
    doc.pdf.set_creation_date(datetime.fromisoformat(created_at))
    doc.heading(f"MindSpace summary shared by {patient}", 16)
    doc.para(
        f"For: {therapist}    Created: {format_minute(created_at)}    Period: {period}"
    )
    doc.para(DISCLAIMER, 9)
    if measures:
        doc.heading("Questionnaires (PHQ-9, GAD-7, WHO-5)", 13)
        doc.para("Scores and ranges are screening information, not a diagnosis. PHQ-9 item 9 "
                 "cannot tell passive thoughts of death from intent; any answer above 'Not at "
                 "all' needs a clinician's assessment. For the WHO-5 higher is better.", 9)
        for q in measures_first_alerts(measures):
            alert = "ITEM 9: " if q.get("safety_followup") else ""
            doc.para(f"{alert}{format_day(str(q.get('taken_at', '')))}  {measure_text(q)}")
    if insights:
        doc.heading("Insights the person chose to share", 13)
        doc.para(INSIGHTS_NOTE, 9)
        for rec in insights:
            for line in insight_lines(rec):
                doc.para(line, 11 if line == rec.get("title") else 10)
    doc.heading("Mood", 13)
    points = daily_mood(mood)
    if points:
        doc.para(
            f"{len(mood)} check-ins on {len(points)} days; daily average mood (1 awful - 5 great):"
        )
        _mood_chart(doc, points)
    else:
        doc.para("No mood check-ins were shared.")
    doc.heading("Emotion trends", 13)
    trends = emotion_trends(mood)
    if trends:
        total = sum(c for _, c in trends)
        for name, count in trends:
            bar = "#" * max(1, round(30 * count / total))
            doc.para(f"{name:<12} {count:>3}  {bar}")
    else:
        doc.para("No emotions were recorded in the shared check-ins.")
    if analysis:
        doc.heading("Text analysis results", 13)
        for a in analysis:
            doc.para(str(a.get("summary") or a))
    if voice:
        doc.heading("Voice check-ins", 13)
        for v in voice:
            line = f"{format_minute(str(v.get('recorded_at', '')))}  {v.get('summary', '')}"
            doc.para(line)
            if v.get("transcript"):
                doc.para("Transcript: " + str(v["transcript"]), 9)
    if shared is not None:
        doc.heading("What I shared and when", 13)
        doc.para("Earlier exports, from the person's own activity log (times in UTC).", 9)
        if not shared:
            doc.para("Nothing was shared before this report.")
        for row in shared:
            what = SHARED_WORDS.get(str(row["kind"]), str(row["kind"]))
            doc.para(f"{format_minute(str(row['time']))}  {what}: {row['detail']}", 9)
    doc.heading("Journal entries", 13)
    if not entries:
        doc.para("No journal entries were shared.")
    for e in sorted(entries, key=lambda x: str(x["entry_at"])):
        doc.para(f"{format_minute(str(e['entry_at']))}  {e['title']}", 11)
        if e.get("tags"):
            doc.para("Tags: " + ", ".join(e["tags"]), 8)
        doc.para(e["body"])
    return bytes(doc.pdf.output())
