"""Passphrase strength feedback (zxcvbn), shared by the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 10
MIN_SCORE = 2  # zxcvbn 0..4; 0 and 1 are "too guessable"
LABELS = ("very weak", "weak", "fair", "strong", "very strong")


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    label: str
    acceptable: bool
    feedback: str


def assess(passphrase: str, user_inputs: list[str] | None = None) -> Strength:
    from zxcvbn import zxcvbn

    if not passphrase:
        return Strength(0, LABELS[0], False, "Choose a passphrase of several words.")
    result = zxcvbn(passphrase[:100], user_inputs=user_inputs or ["mindspace", "journal"])
    score = int(result["score"])
    hints = [result["feedback"].get("warning") or ""] + list(
        result["feedback"].get("suggestions", [])
    )
    feedback = " ".join(h for h in hints if h)
    too_short = len(passphrase) < MIN_LENGTH
    if too_short:
        feedback = (
            f"Use at least {MIN_LENGTH} characters; a few unrelated words work well. " + feedback
        )
    acceptable = score >= MIN_SCORE and not too_short
    if not acceptable and not feedback:
        feedback = "Too easy to guess: add another unusual word."
    return Strength(score, LABELS[score], acceptable, feedback.strip())
