"""Anonymised research exports: consent, withdrawal and export on the participant's side.

A study is a verified contact whose card has the role `study`. Nothing is exported without
consent given for that study (`give_consent`, after showing `consent_text`); consent and its
epsilon are kept in the vault (setting `research.consent`) and in the audit log, and so is each
export and a withdrawal. Each export is signed by a per-study pseudonymous key derived from the
vault key (never the sharing identity the therapist knows), and encrypted to the study only.
The study's side (`aggregate`) is `mindspace.app.research_aggregate`. Blocking calls (DB, a few
ms of noise and Parquet, encryption): call from a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Protocol

from mindspace.app.audit import AuditKind, AuditTrail
from mindspace.app.sharing import SharingService, write_new_file
from mindspace.core.research import (
    COUNT_COLUMNS,
    DEFAULT_EPSILON,
    DEFAULT_WEEKS,
    FORMAT_VERSION,
    SENSITIVITY,
    SLOTS,
    ResearchError,
    ScoreRecord,
    WeeklyTruth,
    check_epsilon,
    consent_text,
    week_range,
    weekly_truth,
)
from mindspace.core.rules import utc_now
from mindspace.ml.privacy import noisy_counts, noisy_sums
from mindspace.share.contacts import Contact, send_checks
from mindspace.share.identity import Identity, derived_identity
from mindspace.share.research import parquet_tables, pseudonym, seal_export
from mindspace.storage.research_sources import ResearchSources
from mindspace.storage.settings import VaultSettings

CONSENT_KEY = "research.consent"
STUDY_ROLE = "study"

__all__ = ["Consent", "QuestionnaireScores", "ResearchError", "ResearchService", "noised"]


class QuestionnaireScores(Protocol):
    """An optional source of questionnaire results (the measures feature plugs in here)."""

    def instruments(self) -> Sequence[str]: ...
    def scores(self, since: datetime) -> Sequence[ScoreRecord]: ...


@dataclass
class Consent:
    contact_id: str
    study: str
    epsilon: float
    given_at: str
    participant: str
    withdrawn_at: str | None = None
    exports: int = 0
    epsilon_spent: float = 0.0

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "active": self.active}


def noised(truth: WeeklyTruth, epsilon: float) -> WeeklyTruth:
    """The same shape with every statistic released with epsilon / SLOTS (see core.research)."""
    each = epsilon / SLOTS
    columns: dict[str, list[float]] = {}
    for name, values in truth.columns.items():
        if name in COUNT_COLUMNS:
            columns[name] = [float(v) for v in noisy_counts(
                [int(v) for v in values], int(SENSITIVITY[name]), each)]
        else:
            columns[name] = noisy_sums(values, SENSITIVITY[name], each)

    def histogram(counts: dict[str, list[int]], name: str) -> dict[str, list[int]]:
        keys = list(counts)
        flat = [v for k in keys for v in counts[k]]
        noisy = noisy_counts(flat, int(SENSITIVITY[name]), each)
        n = len(truth.weeks)
        return {k: noisy[i * n:(i + 1) * n] for i, k in enumerate(keys)}

    scores = {
        instrument: {
            "questionnaires": [float(v) for v in noisy_counts(
                [int(v) for v in cols["questionnaires"]], 1, each)],
            "score_sum": noisy_sums(cols["score_sum"], SENSITIVITY["score_sum"], each),
        }
        for instrument, cols in truth.scores.items()
    }
    return WeeklyTruth(
        list(truth.weeks), columns, histogram(truth.checkin_emotions, "checkin_emotions"),
        histogram(truth.text_emotions, "text_emotions"), scores,
    )


class ResearchService:
    def __init__(
        self,
        sharing: SharingService,
        sources: ResearchSources,
        settings: VaultSettings,
        audit: AuditTrail,
        derive_key: Callable[[str, int], bytes],
        questionnaires: QuestionnaireScores | None = None,
        scratch: Path | None = None,
    ) -> None:
        self._scratch = scratch  # where Parquet files live for a moment (the data folder)
        self._sharing = sharing
        self._sources = sources
        self._settings = settings
        self._audit = audit
        self._derive_key = derive_key
        self.questionnaires = questionnaires

    # ---- studies and pseudonyms -----------------------------------------------------------
    def studies(self) -> list[Contact]:
        return [c for c in self._sharing.contacts.list() if c.role == STUDY_ROLE]

    def study(self, ref: str) -> Contact:
        contact = self._sharing.contacts.find(ref)  # NotFoundError names what was asked
        if contact.role != STUDY_ROLE:
            raise ResearchError(
                f"{contact.display_name} is not a study (their card's role is {contact.role})"
            )
        return contact

    def participant_identity(self, study: Contact) -> Identity:
        seed = self._derive_key(f"research-participant:{study.sign_public.hex()}", 64)
        return derived_identity(seed, "MindSpace participant", "patient")

    def participant_code(self, study: Contact) -> str:
        return pseudonym(self.participant_identity(study).sign_public)

    # ---- consent ----------------------------------------------------------------------------
    def _all(self) -> dict[str, dict[str, Any]]:
        stored = self._settings.get(CONSENT_KEY, {})
        return stored if isinstance(stored, dict) else {}

    def consents(self) -> list[Consent]:
        return [Consent(**v) for v in self._all().values()]

    def consent(self, study: Contact) -> Consent | None:
        found = self._all().get(study.id)
        return None if found is None else Consent(**found)

    def _store(self, consent: Consent) -> None:
        everything = self._all()
        everything[consent.contact_id] = asdict(consent)
        self._settings.set(CONSENT_KEY, everything)

    def consent_text(self, ref: str, epsilon: float = DEFAULT_EPSILON) -> str:
        study = self.study(ref)
        return consent_text(study.display_name, check_epsilon(epsilon),
                            self.participant_code(study))

    def give_consent(self, ref: str, epsilon: float = DEFAULT_EPSILON) -> Consent:
        """Record consent for this study with this epsilon (the study must be verified)."""
        study = self.study(ref)
        send_checks(study, allow_unverified=False)
        eps = check_epsilon(epsilon)
        previous = self.consent(study)
        consent = Consent(study.id, study.display_name, eps, utc_now(),
                          self.participant_code(study),
                          exports=previous.exports if previous else 0,
                          epsilon_spent=previous.epsilon_spent if previous else 0.0)
        self._store(consent)
        self._audit.record(AuditKind.RESEARCH_CONSENT,
                           f"study {study.display_name}: epsilon {eps:g} per export")
        return consent

    def withdraw(self, ref: str) -> Consent:
        study = self._sharing.contacts.find(ref)
        consent = self.consent(study)
        if consent is None or not consent.active:
            raise ResearchError(f"there is no consent to withdraw for {study.display_name}")
        consent.withdrawn_at = utc_now()
        self._store(consent)
        self._audit.record(AuditKind.RESEARCH_WITHDRAW, f"study {study.display_name}")
        return consent

    # ---- export -----------------------------------------------------------------------------
    def truth(self, weeks: int = DEFAULT_WEEKS, today: date | None = None) -> WeeklyTruth:
        """The exact weekly values (stays in the app; for the preview and for tests)."""
        last = today or date.today()
        week_ids = week_range(last, weeks)
        first = datetime.combine(last - timedelta(days=last.weekday(), weeks=weeks - 1), time.min)
        src = self._sources
        scores: Sequence[ScoreRecord] = ()
        instruments: Sequence[str] = ()
        if self.questionnaires is not None:
            instruments = list(self.questionnaires.instruments())
            scores = self.questionnaires.scores(first)
        return weekly_truth(week_ids, src.mood(first), src.texts(first), src.voice(first),
                            src.journal_times(first), scores, instruments)

    def export(self, ref: str, path: Path, weeks: int = DEFAULT_WEEKS,
               today: date | None = None) -> dict[str, Any]:
        """Write one signed, encrypted research export for a study the person consented to."""
        path = Path(path)
        study = self.study(ref)
        consent = self.consent(study)
        if consent is None or not consent.active:
            raise ResearchError(
                f"you have not consented to share with {study.display_name}: give consent first"
            )
        send_checks(study, allow_unverified=False)
        if path.exists():
            raise ResearchError(f"{path} already exists: choose another file name")
        if not path.parent.is_dir():
            raise ResearchError(f"the folder {path.parent} does not exist")
        created = utc_now()
        release = noised(self.truth(weeks, today), consent.epsilon)
        meta = {
            "format_version": FORMAT_VERSION,
            "epsilon": consent.epsilon,
            "epsilon_per_statistic": consent.epsilon / SLOTS,
            "statistics_per_record": SLOTS,
            "privacy_unit": "one record with what was derived from it",
            "mechanisms": {"counts": "geometric (discrete Laplace)", "sums": "Laplace"},
            "sensitivity": SENSITIVITY,
            "weeks": release.weeks,
            "created_week": release.weeks[-1],
        }
        tables = parquet_tables(release, meta, scratch_parent=self._scratch)
        participant = self.participant_identity(study)
        sealed = seal_export(participant, study.party(), tables, meta, created)
        write_new_file(path, sealed.ciphertext)
        consent.exports += 1
        consent.epsilon_spent = round(consent.epsilon_spent + consent.epsilon, 6)
        self._store(consent)
        self._audit.record(
            AuditKind.RESEARCH_EXPORT,
            f"to study {study.display_name}: {len(release.weeks)} weeks, epsilon"
            f" {consent.epsilon:g} (export {sealed.bundle_id[:8]})",
        )
        return {
            "study": study.display_name,
            "file": str(path),
            "size": len(sealed.ciphertext),
            "export_id": sealed.bundle_id,
            "participant": pseudonym(participant.sign_public),
            "epsilon": consent.epsilon,
            "epsilon_spent": consent.epsilon_spent,
            "weeks": release.weeks,
            "tables": sorted(tables),
        }

