"""AppServices: the typed container the GUI and the CLI share. It owns lifetimes.

It opens and locks the vault, hands out repositories while the vault is open, and loads models
lazily. Each lazy object has its own lock, so asking for the journal never waits while a speech
model loads. Objects tied to the vault are dropped when it locks. Nothing here imports Qt.
Members that derive keys or load models are slow (0.3-2 s): the GUI calls them from a worker
(see `mindspace.ui.tasks`), never on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mindspace.app.audit import AuditKind, AuditTrail
from mindspace.app.preferences import Preferences, default_data_dir
from mindspace.core.passphrase import assess
from mindspace.storage.errors import ThrottledError, VaultLockedError, WeakPassphraseError
from mindspace.storage.journal import JournalRepository
from mindspace.storage.mood import MoodRepository
from mindspace.storage.settings import VaultSettings
from mindspace.storage.vault import Vault

if TYPE_CHECKING:
    from mindspace.app.analysis import AnalysisService
    from mindspace.app.companion import CompanionService
    from mindspace.app.companion_engine import CompanionEngine
    from mindspace.app.data_export import DataExport
    from mindspace.app.data_transfer import DaylioImport
    from mindspace.app.insights_chat import ChatReadings
    from mindspace.app.measures import MeasureService
    from mindspace.app.model_drift import ModelDrift
    from mindspace.app.personal_calibration import PersonalCalibration
    from mindspace.app.research import ResearchService
    from mindspace.app.sharing import SharingService
    from mindspace.app.voice import VoiceCheckins, VoiceReader
    from mindspace.core.crisis_resources import CrisisResources
    from mindspace.ml.registry import ModelRegistry
    from mindspace.ml.text_analyzer import TextAnalyzer
    from mindspace.ml.transcriber import Transcriber
    from mindspace.ml.voice_analyzer import VoiceAnalyzer
    from mindspace.storage.analysis import AnalysisStore
    from mindspace.storage.blobs import BlobStore
    from mindspace.storage.voice import VoiceRepository

T = TypeVar("T")


class Lazy(Generic[T]):
    """One lazily built object with its own lock; `reset()` forgets it."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._value: T | None = None

    def get(self) -> T:
        value = self._value
        if value is not None:
            return value
        with self._lock:
            if self._value is None:
                self._value = self._factory()
            return self._value

    def reset(self) -> None:
        with self._lock:
            self._value = None

    @property
    def loaded(self) -> bool:
        return self._value is not None


class AppServices:
    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = (data_dir or default_data_dir()).expanduser().absolute()
        self.vault = Vault(self.data_dir)
        self._lock_listeners: list[Callable[[], None]] = []
        # objects that need the open vault (dropped on lock) ...
        self._journal = Lazy(lambda: JournalRepository(self.vault.db))
        self._mood = Lazy(lambda: MoodRepository(self.vault.db))
        self._settings = Lazy(lambda: VaultSettings(self.vault.db))
        self._analyses: Lazy[AnalysisStore] = Lazy(self._build_analyses)
        self._analysis_service: Lazy[AnalysisService] = Lazy(self._build_analysis_service)
        self._blobs: Lazy[BlobStore] = Lazy(self._build_blobs)
        self._voice: Lazy[VoiceRepository] = Lazy(self._build_voice)
        self._sharing: Lazy[SharingService] = Lazy(self._build_sharing)
        self._vault_objects: list[Lazy[object]] = [
            self._journal, self._mood, self._settings, self._analyses,  # type: ignore[list-item]
            self._analysis_service, self._blobs, self._voice, self._sharing,  # type: ignore[list-item]
        ]
        self._voice_checkins: Lazy[VoiceCheckins] = Lazy(self._build_voice_checkins)
        self._vault_objects.append(self._voice_checkins)  # type: ignore[arg-type]
        # data brought in from other apps and exported (dropped on lock)
        self._daylio_import: Lazy[DaylioImport] = Lazy(self._build_daylio_import)
        self._vault_objects.append(self._daylio_import)  # type: ignore[arg-type]
        # questionnaires (PHQ-9, GAD-7, WHO-5) and their schedule
        self._measures: Lazy[MeasureService] = Lazy(self._build_measures)
        self._vault_objects.append(self._measures)  # type: ignore[arg-type]
        self._personal_calibration: Lazy[PersonalCalibration] = Lazy(
            self._build_personal_calibration)
        self._vault_objects.append(self._personal_calibration)  # type: ignore[arg-type]
        # the audit log (see mindspace.app.audit)
        self._audit: Lazy[AuditTrail] = Lazy(lambda: AuditTrail(self.vault.db))
        self._vault_objects.append(self._audit)  # type: ignore[arg-type]
        self._research: Lazy[ResearchService] = Lazy(self._build_research)
        self._vault_objects.append(self._research)  # type: ignore[arg-type]
        # companion chat: the engine (models + content) survives locks, the service does not
        self._companion_engine: Lazy[CompanionEngine] = Lazy(self._build_companion_engine)
        self._companion: Lazy[CompanionService] = Lazy(self._build_companion)
        self._vault_objects.append(self._companion)  # type: ignore[arg-type]
        # the companion's conversations as insights read them (readings held in memory only)
        self._chat_readings: Lazy[ChatReadings] = Lazy(self._build_chat_readings)
        self._vault_objects.append(self._chat_readings)  # type: ignore[arg-type]
        # ... and objects that do not (kept across locks)
        self._registry: Lazy[ModelRegistry] = Lazy(self._build_registry)
        self._text_analyzer: Lazy[TextAnalyzer] = Lazy(self._build_text_analyzer)
        self._crisis_resources: Lazy[CrisisResources] = Lazy(self._build_crisis_resources)
        self._voice_analyzer: Lazy[VoiceAnalyzer] = Lazy(self._build_voice_analyzer)
        self._transcribers: dict[str, Lazy[Transcriber]] = {}
        self._transcribers_lock = threading.Lock()

    # ---- preferences ----------------------------------------------------------------------
    @property
    def preferences_path(self) -> Path:
        return self.data_dir / "preferences.json"

    def load_preferences(self) -> Preferences:
        return Preferences.load(self.preferences_path)

    def save_preferences(self, prefs: Preferences) -> None:
        before = self.load_preferences().whisper_model_dir
        prefs.save(self.preferences_path)
        if prefs.whisper_model_dir != before and self.vault.is_open:
            chosen = Path(prefs.whisper_model_dir).name if prefs.whisper_model_dir else ""
            self.audit().record(
                AuditKind.MODEL_CHANGE,
                f"speech model: {chosen or 'the shipped model'}",
            )

    # ---- vault lifetime -------------------------------------------------------------------
    def vault_exists(self) -> bool:
        return self.vault.exists()

    def vault_orphaned(self) -> bool:
        """A vault file is here without its key file (it cannot be opened)."""
        return self.vault.orphaned()

    def require_vault(self) -> None:
        """Raise the error that says why there is no vault to open (none, or no key file)."""
        self.vault.check_present()

    @property
    def is_unlocked(self) -> bool:
        return self.vault.is_open

    def create_vault(self, passphrase: str, move_aside: bool = False) -> str:
        """Create and open a vault; returns the recovery code. Slow (Argon2id calibration).
        `move_aside` keeps a database left without its key file under another name."""
        _require_strong(passphrase, "passphrase")
        return self.vault.create(passphrase, move_aside)

    def unlock(self, passphrase: str, wait_for_throttle: bool = False,
               on_wait: Callable[[float], None] | None = None) -> None:
        """Open the vault. While wrong attempts impose a delay: `ThrottledError`, or with
        `wait_for_throttle` sleep it out (after telling `on_wait` how long)."""
        self.vault.open(passphrase, _waiter(wait_for_throttle, on_wait))

    def unlock_with_recovery(self, code: str, wait_for_throttle: bool = False,
                             on_wait: Callable[[float], None] | None = None) -> None:
        was_open = self.vault.is_open
        self.vault.open_with_recovery(code, _waiter(wait_for_throttle, on_wait))
        if not was_open:
            self.audit().record(AuditKind.RECOVERY_CODE_USE, "the vault was opened")

    def throttle_remaining(self) -> float:
        return self.vault.throttle.remaining()

    def change_passphrase(self, old: str, new: str, wait_for_throttle: bool = False,
                          on_wait: Callable[[float], None] | None = None) -> str:
        """Checked under the same throttle as unlocking; returns the new recovery code."""
        _require_strong(new, "new passphrase")
        was_open = self.vault.is_open
        code = self.vault.change_passphrase(
            old, new, _waiter(wait_for_throttle, on_wait), open_after=True
        )
        try:
            self.audit().record(AuditKind.PASSPHRASE_CHANGE, "new passphrase and recovery code")
        finally:
            if not was_open:
                self.lock()
        return code

    def reset_passphrase(self, recovery_code: str, new: str) -> str:
        """After a recovery-code unlock: choose a new passphrase; returns a new recovery code."""
        _require_strong(new, "new passphrase")
        code = self.vault.reset_passphrase(recovery_code, new)
        if self.vault.is_open:
            self.audit().record(AuditKind.PASSPHRASE_RESET, "new passphrase and recovery code")
        return code

    def add_lock_listener(self, callback: Callable[[], None]) -> None:
        """Called (on the locking thread) after the vault has been locked."""
        self._lock_listeners.append(callback)

    def remove_lock_listener(self, callback: Callable[[], None]) -> None:
        """Forget a listener added with `add_lock_listener` (no error if it is not there)."""
        if callback in self._lock_listeners:
            self._lock_listeners.remove(callback)

    @property
    def lock_listener_count(self) -> int:
        return len(self._lock_listeners)

    def lock(self) -> None:
        """Close the database and forget keys; listeners then clear their caches and views."""
        self.vault.lock()
        for lazy in self._vault_objects:
            lazy.reset()
        for forget in list(self._lock_listeners):
            forget()

    def close(self) -> None:
        if self.vault.is_open:
            self.lock()

    def _open_vault_object(self, lazy: Lazy[T]) -> T:
        if not self.vault.is_open:
            raise VaultLockedError()
        return lazy.get()

    # ---- repositories (vault must be open) ------------------------------------------------
    @property
    def journal(self) -> JournalRepository:
        return self._open_vault_object(self._journal)

    @property
    def mood(self) -> MoodRepository:
        return self._open_vault_object(self._mood)

    @property
    def settings(self) -> VaultSettings:
        return self._open_vault_object(self._settings)

    @property
    def analyses(self) -> AnalysisStore:
        """Stored analyses, label corrections, safety plan and crisis region (vault open)."""
        return self._open_vault_object(self._analyses)

    @property
    def blobs(self) -> BlobStore:
        """Encrypted audio blobs of the open vault."""
        return self._open_vault_object(self._blobs)

    @property
    def voice(self) -> VoiceRepository:
        """Voice check-ins, linked journal entries, audio, recommendation feedback and the
        personal model."""
        return self._open_vault_object(self._voice)

    def analysis_service(self) -> AnalysisService:
        """Analyse saved entries/notes and store results (vault open; blocking calls)."""
        return self._open_vault_object(self._analysis_service)

    def sharing(self) -> SharingService:
        """Identity, contacts, export, import and sync of the open vault (dropped on lock)."""
        return self._open_vault_object(self._sharing)

    def audit(self) -> AuditTrail:
        """The audit log of the open vault: `audit().record(AuditKind.X, "detail")`."""
        return self._open_vault_object(self._audit)

    def research(self) -> ResearchService:
        """Consent and anonymised exports for research studies (see `mindspace.app.research`)."""
        return self._open_vault_object(self._research)

    def _build_research(self) -> ResearchService:
        from mindspace.app.research import ResearchService
        from mindspace.storage.research_sources import ResearchSources

        return ResearchService(self.sharing(), ResearchSources(self.vault.db), self.settings,
                               self.audit(), self.vault.derive_key, scratch=self.data_dir)

    def voice_checkins(self) -> VoiceCheckins:
        """The voice check-in use case on the open vault (see `mindspace.app.voice`)."""
        return self._open_vault_object(self._voice_checkins)

    def measures(self) -> MeasureService:
        """Questionnaires: score, store, reliable change and the schedule (vault open)."""
        return self._open_vault_object(self._measures)

    def _build_measures(self) -> MeasureService:
        from mindspace.app.measures import MeasureService
        from mindspace.storage.measures import MeasureRepository

        return MeasureService(MeasureRepository(self.vault.db), self.settings)
    # ---- companion chat --------------------------------------------------------------------
    def companion(self) -> CompanionService:
        """The companion chat on the open vault (conversations stored encrypted). The first
        call loads the models (about a second): call it from a worker, e.g. after unlocking."""
        return self._open_vault_object(self._companion)

    def companion_engine(self) -> CompanionEngine:
        """Content library, intent classifier and text models (no vault; slow first time)."""
        return self._companion_engine.get()

    def ephemeral_companion(self) -> CompanionService:
        """A companion that keeps conversations in memory only (no vault, nothing on disk)."""
        from mindspace.app.companion import CompanionService

        return CompanionService(self.companion_engine())

    def _build_companion_engine(self) -> CompanionEngine:
        from mindspace.app.companion_engine import CompanionEngine

        return CompanionEngine.load(self.model_registry())

    def _build_companion(self) -> CompanionService:
        from mindspace.app.companion import CompanionService
        from mindspace.storage.chat import ChatRepository

        return CompanionService(self.companion_engine(), ChatRepository(self.vault.db),
                                self.settings, self.journal, self.mood, self.analyses)

    # ---- the companion's conversations in the insights ------------------------------------
    def chat_readings(self) -> ChatReadings:
        """Chat messages read by the text models, and finished exercises (vault open)."""
        return self._open_vault_object(self._chat_readings)

    def _build_chat_readings(self) -> ChatReadings:
        from mindspace.app.insights_chat import ChatReadings
        from mindspace.storage.chat import ChatRepository

        return ChatReadings(ChatRepository(self.vault.db), self.text_analyzer)

    def _build_voice_checkins(self) -> VoiceCheckins:
        from mindspace.app.voice import VoiceCheckins
        from mindspace.storage.personal_models import PersonalModelStore

        return VoiceCheckins(
            self.voice_reader(), self.voice, PersonalModelStore(self.vault.db), self.audit()
        )

    def _build_analyses(self) -> AnalysisStore:
        from mindspace.storage.analysis import AnalysisStore

        return AnalysisStore(self.vault.db)

    def _build_analysis_service(self) -> AnalysisService:
        from mindspace.app.analysis import AnalysisService

        service = AnalysisService(self.text_analyzer(), self.analyses, self.journal, self.mood)
        service.personal_labels = lambda probs: self.personal_calibration().labels_for(probs)
        return service

    def _build_blobs(self) -> BlobStore:
        from mindspace.storage.blobs import BlobStore

        return BlobStore(self.vault)

    def _build_voice(self) -> VoiceRepository:
        from mindspace.storage.voice import VoiceRepository

        return VoiceRepository(self.vault.db, self.journal, self.blobs)

    def _build_sharing(self) -> SharingService:
        from mindspace.app.sharing import IDENTITY_KEY_PURPOSE, SharingService

        return SharingService.for_vault(
            self.vault.db,
            self.vault.derive_key(IDENTITY_KEY_PURPOSE),
            settings=self.settings,
            journal=self.journal,
            mood=self.mood,
            analyses=self.analyses,
            blobs=self.blobs,
            measures=self.measures(),
            audit=self.audit(),
            insights=self._shared_insights,
        )

    def _shared_insights(self, kinds: Sequence[str], start: date | None,
                         end: date | None) -> list[dict[str, Any]]:
        from mindspace.app.insights_share import insight_records

        return insight_records(self, kinds, start, end)

    # ---- data import and export (vault must be open) -------------------------------------
    def daylio_import(self) -> DaylioImport:
        """Preview and import a Daylio CSV export (see `mindspace.app.data_transfer`)."""
        return self._open_vault_object(self._daylio_import)

    def data_export(self) -> DataExport:
        """Export everything in the vault as CSV (zipped) or JSON (see `app.data_export`)."""
        from mindspace.app.data_export import DataExport

        return DataExport(self.vault.db, self.journal, self.mood, self.analyses,
                          lambda: self.voice, self.data_dir, self.audit())

    def _build_daylio_import(self) -> DaylioImport:
        from mindspace.app.data_transfer import DaylioImport
        from mindspace.storage.imports import ImportStore

        return DaylioImport(ImportStore(self.vault.db), self.audit())
    # ---- models: drift monitor and personal emotion calibration (vault open) ---------------
    def model_drift(self) -> list[ModelDrift]:
        """How what the models read in this vault compares with their training data (counts
        only; blocking: call from a worker)."""
        from mindspace.app.model_drift import drift_report

        if not self.vault.is_open:
            raise VaultLockedError()
        return drift_report(self.model_registry(), self.vault.db)

    def personal_calibration(self) -> PersonalCalibration:
        """The user's emotion calibration layer: train, adopt, roll back (vault open)."""
        if not self.vault.is_open:
            raise VaultLockedError()
        return self._personal_calibration.get()

    def _build_personal_calibration(self) -> PersonalCalibration:
        from mindspace.app.personal_calibration import PersonalCalibration
        from mindspace.storage.personal_models import PersonalModelStore

        thresholds = self.model_registry().get("text-emotion").thresholds
        from mindspace.core.audit import AuditKind

        audit = self.audit()
        return PersonalCalibration(
            PersonalModelStore(self.vault.db), self.analyses, self.settings, thresholds,
            on_change=lambda kind, detail: audit.record(
                AuditKind.PERSONAL_MODEL_RESET if kind.endswith("rolled-back")
                else AuditKind.PERSONAL_MODEL_UPDATE,
                f"{kind}: " + ", ".join(f"{k}={v}" for k, v in sorted(detail.items()))),
        )

    # ---- models (no vault needed) ---------------------------------------------------------
    def model_registry(self) -> ModelRegistry:
        return self._registry.get()

    def text_analyzer(self) -> TextAnalyzer:
        """Emotions + sentiment + crisis screen (no vault needed). Built lazily, then cached;
        the emotion model loads on first use (slow: call off the GUI thread)."""
        return self._text_analyzer.get()

    def crisis_resources(self) -> CrisisResources:
        """Shipped crisis lines by region (no vault needed)."""
        return self._crisis_resources.get()

    def transcriber(self) -> Transcriber:
        """The verified, loaded speech model; slow the first time (~1-2 s). Uses
        `Preferences.whisper_model_dir` when the user chose a folder."""
        model_dir = self.load_preferences().whisper_model_dir
        with self._transcribers_lock:
            lazy = self._transcribers.get(model_dir)
            if lazy is None:
                lazy = self._transcribers[model_dir] = Lazy(
                    lambda: self._build_transcriber(model_dir or None)
                )
        return lazy.get()

    def voice_analyzer(self) -> VoiceAnalyzer:
        """Prosody and arousal (stateless)."""
        return self._voice_analyzer.get()

    def voice_reader(self, model_dir: Path | None = None) -> VoiceReader:
        """Transcription and voice + words reading (no vault needed); models load on first use
        through this container (`model_dir`: a CTranslate2 Whisper folder instead of the
        preferred model)."""
        from mindspace.app.voice import VoiceReader

        if model_dir is None:
            transcriber = lambda: self.transcriber()  # noqa: E731 - looked up at call time
        else:
            chosen = Lazy(lambda: self._build_transcriber(str(model_dir)))
            transcriber = chosen.get
        return VoiceReader(transcriber, lambda: self.text_analyzer(), self.voice_analyzer())

    def audio_input_device(self) -> str | None:
        """The microphone chosen in preferences (name or index as text), or None for default."""
        return self.load_preferences().audio_input_device or None

    @staticmethod
    def _build_registry() -> ModelRegistry:
        from mindspace.ml.registry import ModelRegistry

        return ModelRegistry()

    def _build_text_analyzer(self) -> TextAnalyzer:
        from mindspace.ml.crisis import CrisisDetector
        from mindspace.ml.crisis_intl import IntlCrisisModel
        from mindspace.ml.crisis_model import CrisisModel, ModelLayer
        from mindspace.ml.emotion_model import EmotionModel
        from mindspace.ml.text_analyzer import TextAnalyzer, default_workers

        registry = self.model_registry()
        workers = default_workers()  # entries, and a text's crisis units, on up to 2 threads
        layer = ModelLayer(lambda: CrisisModel.load(registry), workers=workers,
                           intl_loader=lambda: IntlCrisisModel.load(registry))
        crisis = CrisisDetector(model=layer)
        return TextAnalyzer(lambda: EmotionModel.load(registry), crisis=crisis, workers=workers)

    @staticmethod
    def _build_crisis_resources() -> CrisisResources:
        from mindspace.core.crisis_resources import CrisisResources

        return CrisisResources.load()

    @staticmethod
    def _build_voice_analyzer() -> VoiceAnalyzer:
        from mindspace.ml.voice_analyzer import VoiceAnalyzer

        return VoiceAnalyzer()

    def _build_transcriber(self, model_dir: str | None) -> Transcriber:
        from mindspace.ml.transcriber import Transcriber

        return Transcriber.load(self.model_registry(), model_dir)


def _waiter(
    wait: bool, on_wait: Callable[[float], None] | None
) -> Callable[[float], None] | None:
    if not wait:
        return None

    def sleep(seconds: float) -> None:
        if on_wait is not None:
            on_wait(seconds)
        time.sleep(seconds)

    return sleep


def _require_strong(passphrase: str, what: str) -> None:
    strength = assess(passphrase)
    if not strength.acceptable:
        raise WeakPassphraseError(f"{what} too weak ({strength.label}): {strength.feedback}")


__all__ = ["AppServices", "Lazy", "Preferences", "ThrottledError", "default_data_dir"]
