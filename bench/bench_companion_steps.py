"""Companion chat: answers given in the middle of an exercise, safe and risky.

Usage: python bench/bench_companion_steps.py PATH [PATH ...] [--show-errors]

Each PATH is a ``.jsonl`` file or a folder of them; each line is ``{"exercise", "step",
"question", "answer", "label"}`` with ``step`` a step id of ``resources/companion`` (such as
``problem-solving.step``), ``question`` the step's question as the writer imagined it shown
(its ``{slots}`` filled with earlier answers) and ``label`` ``safe`` or ``risk``. Each answer is
sent to a new ephemeral conversation that stands at that step, with the earlier answers taken
from the question, so it passes through the same screen as in the app. Prints:

* risk answers routed crisis (the exercise stops and the support panel opens), target >= 0.97;
* safe answers routed crisis, overall and for the planning steps that ask when (the
  activity's day and time, worry time, the first step of a solution, a sleep change);
* per step, and the CPU line.

Answer texts are printed only with ``--show-errors`` (never use it on a blind set).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_companion import share  # noqa: E402 - bench/ is the script's folder
from cpuinfo import cpu_line  # noqa: E402

PLANNING = ("behavioural-activation.when", "worry-time.when", "problem-solving.step",
            "sleep.change")


def load(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                raw = json.loads(line)
                for key in ("step", "answer", "label"):
                    if key not in raw:
                        raise SystemExit(f"{path}:{n}: no {key!r} field")
                rows.append(raw)
    return rows


def earlier_answers(template: str, question: str) -> dict[str, str] | None:
    """The ``{slot}`` values of ``template`` as they appear in ``question`` (None if the
    writer worded the question differently)."""
    pattern = re.escape(template)
    for slot in dict.fromkeys(re.findall(r"\\\{(\w+)\\\}", pattern)):
        pattern = pattern.replace(rf"\{{{slot}\}}", rf"(?P<{slot}>.+?)", 1)
        pattern = pattern.replace(rf"\{{{slot}\}}", rf"(?P={slot})")
    m = re.fullmatch(pattern, question.strip(), flags=re.S)
    return dict(m.groupdict()) if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", type=Path, nargs="+")
    ap.add_argument("--show-errors", action="store_true",
                    help="print misrouted answers (never on a blind set)")
    args = ap.parse_args()
    files = [f for p in args.paths for f in (sorted(p.glob("*.jsonl")) if p.is_dir() else [p])]
    rows = load(files)

    from mindspace.app.companion import CompanionService
    from mindspace.app.companion_engine import ConversationState, Hooks, respond

    print(f"CPU: {cpu_line()}")
    print(f"{len(rows)} answers from {len(files)} file(s)")
    service = CompanionService.ephemeral()
    engine = service.engine
    engine.warm_up()
    by_step: dict[str, list[dict[str, Any]]] = defaultdict(list)
    matched = 0
    for row in rows:
        exercise, _, _ = row["step"].partition(".")
        spec = engine.library.exercises[exercise]
        index = next(i for i, s in enumerate(spec.steps) if s.id == row["step"])
        answers = {s.key: "50" if s.kind == "rating" else "that" for s in spec.steps[:index]}
        found = earlier_answers(spec.steps[index].text, str(row.get("question", "")))
        matched += found is not None
        answers.update(found or {})
        state = ConversationState(turns=4, exercise=exercise, step=index, answers=answers)
        reply = respond(engine, state, str(row["answer"]), Hooks())
        by_step[row["step"]].append({**row, "route": reply.route})

    every = [r for items in by_step.values() for r in items]
    risk = [r for r in every if r["label"] == "risk"]
    safe = [r for r in every if r["label"] == "safe"]
    planning = [r for r in safe if r["step"] in PLANNING]

    def crisis(items: list[dict[str, Any]]) -> int:
        return sum(r["route"] == "crisis" for r in items)

    print(f"questions whose earlier answers were recovered: {matched}/{len(rows)}")
    print(f"risk answers routed crisis:              {share(crisis(risk), len(risk))}")
    print(f"safe answers routed crisis:              {share(crisis(safe), len(safe))}")
    print(f"  of them answers to planning steps:     {share(crisis(planning), len(planning))}")
    print("per step (risk routed crisis; safe routed crisis):")
    for step in sorted(by_step):
        items = by_step[step]
        rk = [x for x in items if x["label"] == "risk"]
        sf = [x for x in items if x["label"] == "safe"]
        print(f"  {step:34s} risk {share(crisis(rk), len(rk)):12s} "
              f"safe {share(crisis(sf), len(sf))}")
    if args.show_errors:
        for row in every:
            if (row["route"] == "crisis") != (row["label"] == "risk"):
                print(f"  [{row['step']}] {row['label']} -> {row['route']}: {row['answer']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
