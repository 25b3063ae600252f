"""AppServices: the one façade the GUI and the CLI use. It owns lifetimes.

It opens and locks the vault, hands out repositories while the vault is open, and loads models
lazily. Nothing here imports Qt. Methods that derive keys or load models are slow (0.3-2 s): the
GUI calls them from a worker (see `mindspace.ui.tasks`), never on the GUI thread.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.core.passphrase import assess
from mindspace.storage.errors import ThrottledError, VaultLockedError, WeakPassphraseError
from mindspace.storage.journal import JournalRepository
from mindspace.storage.mood import MoodRepository
from mindspace.storage.settings import VaultSettings
from mindspace.storage.vault import Vault

if TYPE_CHECKING:
    from mindspace.ml.registry import ModelRegistry


def default_data_dir() -> Path:
    env = os.environ.get("MINDSPACE_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("MindSpace", appauthor=False))


@dataclass
class Preferences:
    """Non-secret preferences kept outside the vault (needed before unlock). No user content."""

    theme: str = "system"  # system | light | dark | high-contrast
    font_scale: float = 1.0
    autolock_minutes: int = 5
    audio_input_device: str = ""  # microphone name; "" = the system default
    whisper_model_dir: str = ""  # a larger CTranslate2 Whisper model folder; "" = shipped tiny.en

    @classmethod
    def load(cls, path: Path) -> Preferences:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
            prefs = cls(**known)
        except (OSError, ValueError, TypeError):
            return cls()
        if prefs.theme not in ("system", "light", "dark", "high-contrast"):
            prefs.theme = "system"
        prefs.autolock_minutes = max(1, min(240, int(prefs.autolock_minutes)))
        prefs.font_scale = max(0.75, min(2.0, float(prefs.font_scale)))
        prefs.audio_input_device = str(prefs.audio_input_device or "")
        prefs.whisper_model_dir = str(prefs.whisper_model_dir or "")
        return prefs

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        os.replace(tmp, path)


class AppServices:
    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = (data_dir or default_data_dir()).expanduser().absolute()
        self.vault = Vault(self.data_dir)
        self._lock_listeners: list[Callable[[], None]] = []
        self._model_lock = threading.RLock()
        self._models: dict[str, Any] = {}

    # ---- preferences ----------------------------------------------------------------------
    @property
    def preferences_path(self) -> Path:
        return self.data_dir / "preferences.json"

    def load_preferences(self) -> Preferences:
        return Preferences.load(self.preferences_path)

    def save_preferences(self, prefs: Preferences) -> None:
        prefs.save(self.preferences_path)

    # ---- vault lifetime -------------------------------------------------------------------
    def vault_exists(self) -> bool:
        return self.vault.exists()

    @property
    def is_unlocked(self) -> bool:
        return self.vault.is_open

    def create_vault(self, passphrase: str) -> str:
        """Create and open a vault; returns the recovery code. Slow (Argon2id calibration)."""
        strength = assess(passphrase)
        if not strength.acceptable:
            raise WeakPassphraseError(
                f"passphrase too weak ({strength.label}): {strength.feedback}"
            )
        return self.vault.create(passphrase)

    def unlock(self, passphrase: str, wait_for_throttle: bool = False) -> None:
        """Open the vault. With `wait_for_throttle`, sleep out any failure delay first."""
        if wait_for_throttle:
            self._wait_throttle()
        self.vault.open(passphrase)

    def unlock_with_recovery(self, code: str, wait_for_throttle: bool = False) -> None:
        if wait_for_throttle:
            self._wait_throttle()
        self.vault.open_with_recovery(code)

    def _wait_throttle(self) -> None:
        import time

        remaining = self.vault.throttle.remaining()
        if remaining > 0:
            time.sleep(remaining)

    def throttle_remaining(self) -> float:
        return self.vault.throttle.remaining()

    def change_passphrase(self, old: str, new: str) -> str:
        strength = assess(new)
        if not strength.acceptable:
            raise WeakPassphraseError(
                f"new passphrase too weak ({strength.label}): {strength.feedback}"
            )
        return self.vault.change_passphrase(old, new)

    def reset_passphrase(self, recovery_code: str, new: str) -> str:
        """After a recovery-code unlock: choose a new passphrase; returns a new recovery code."""
        strength = assess(new)
        if not strength.acceptable:
            raise WeakPassphraseError(
                f"new passphrase too weak ({strength.label}): {strength.feedback}"
            )
        return self.vault.reset_passphrase(recovery_code, new)

    def add_lock_listener(self, callback: Callable[[], None]) -> None:
        """Called (on the locking thread) after the vault has been locked."""
        self._lock_listeners.append(callback)

    def lock(self) -> None:
        """Close the database and forget keys; listeners then clear their caches and views."""
        self.vault.lock()
        for forget in (self._forget_vault_state, *self._lock_listeners):
            forget()

    def _forget_vault_state(self) -> None:
        for key in [k for k in self._models if k.startswith("vault:")]:
            del self._models[key]

    def close(self) -> None:
        if self.vault.is_open:
            self.lock()

    # ---- repositories (vault must be open) ------------------------------------------------
    def _cached(self, key: str, factory: Callable[[], Any]) -> Any:
        if key.startswith("vault:") and not self.vault.is_open:
            raise VaultLockedError()
        with self._model_lock:
            if key not in self._models:
                self._models[key] = factory()
            return self._models[key]

    @property
    def journal(self) -> JournalRepository:
        return self._cached("vault:journal", lambda: JournalRepository(self.vault.db))  # type: ignore[no-any-return,unused-ignore]

    @property
    def mood(self) -> MoodRepository:
        return self._cached("vault:mood", lambda: MoodRepository(self.vault.db))  # type: ignore[no-any-return,unused-ignore]

    @property
    def settings(self) -> VaultSettings:
        return self._cached("vault:settings", lambda: VaultSettings(self.vault.db))  # type: ignore[no-any-return,unused-ignore]

    # ---- models (no vault needed) ---------------------------------------------------------
    def model_registry(self) -> ModelRegistry:
        from mindspace.ml.registry import ModelRegistry

        return self._cached("model:registry", ModelRegistry)  # type: ignore[no-any-return,unused-ignore]

    # ---- text understanding (owner: mindspace.ml text analysis) ---------------------------
    def text_analyzer(self) -> Any:  # mindspace.ml.text_analyzer.TextAnalyzer
        """Emotions + sentiment + crisis screen (no vault needed). Built lazily, then cached;
        the emotion model loads on first use (slow: call off the GUI thread)."""
        from mindspace.ml.text_analyzer import TextAnalyzer

        def build() -> Any:
            from mindspace.ml.crisis import CrisisDetector
            from mindspace.ml.crisis_model import CrisisModel, ModelLayer
            from mindspace.ml.emotion_model import EmotionModel

            registry = self.model_registry()
            crisis = CrisisDetector(model=ModelLayer(lambda: CrisisModel.load(registry)))
            return TextAnalyzer(lambda: EmotionModel.load(registry), crisis=crisis)

        return self._cached("model:text-analyzer", build)

    @property
    def analyses(self) -> Any:  # mindspace.storage.analysis.AnalysisStore
        """Stored analyses, label corrections, safety plan and crisis region (vault open)."""
        from mindspace.storage.analysis import AnalysisStore

        return self._cached("vault:analyses", lambda: AnalysisStore(self.vault.db))

    def analysis_service(self) -> Any:  # mindspace.ml.analysis_service.AnalysisService
        """Analyse saved entries/notes and store results (vault open; blocking calls)."""
        from mindspace.ml.analysis_service import AnalysisService

        parts = (self.text_analyzer(), self.analyses, self.journal, self.mood)  # outside the lock
        return self._cached("vault:analysis-service", lambda: AnalysisService(*parts))

    def crisis_resources(self) -> Any:  # mindspace.core.crisis_resources.CrisisResources
        """Shipped crisis lines by region (no vault needed)."""
        from mindspace.core.crisis_resources import CrisisResources

        return self._cached("model:crisis-resources", CrisisResources.load)

    # ---- voice check-ins (owner: mindspace.audio / voice analysis) ------------------------
    def transcriber(self) -> Any:
        """The verified, loaded speech model (`mindspace.ml.transcriber.Transcriber`); slow the
        first time (~1-2 s). Uses `Preferences.whisper_model_dir` when the user chose a folder."""
        from mindspace.ml.transcriber import Transcriber

        model_dir = str(getattr(self.load_preferences(), "whisper_model_dir", "") or "")
        registry = self.model_registry()  # not inside the factory: _cached's lock is not reentrant
        return self._cached(
            f"model:transcriber:{model_dir}",
            lambda: Transcriber.load(registry, model_dir or None),
        )

    def voice_analyzer(self) -> Any:
        """`mindspace.ml.voice_analyzer.VoiceAnalyzer` (stateless; prosody + arousal)."""
        from mindspace.ml.voice_analyzer import VoiceAnalyzer

        return self._cached("model:voice-analyzer", VoiceAnalyzer)

    def audio_input_device(self) -> str | None:
        """The microphone chosen in preferences (name or index as text), or None for default."""
        return str(getattr(self.load_preferences(), "audio_input_device", "") or "") or None

    @property
    def blobs(self) -> Any:
        """`mindspace.storage.blobs.BlobStore`: encrypted audio blobs of the open vault."""
        from mindspace.storage.blobs import BlobStore

        return self._cached("vault:blobs", lambda: BlobStore(self.vault))

    @property
    def voice(self) -> Any:
        """`mindspace.storage.voice.VoiceRepository` (check-ins, linked journal entries, audio,
        recommendation feedback, the personal model)."""
        from mindspace.storage.voice import VoiceRepository

        journal, blobs = self.journal, self.blobs
        return self._cached("vault:voice", lambda: VoiceRepository(self.vault.db, journal, blobs))

    # ---- sharing (owner: mindspace.share) -------------------------------------------------
    def sharing(self) -> Any:
        """The `mindspace.share.service.SharingService` of the open vault (dropped on lock)."""
        from mindspace.share.service import SharingService

        return self._cached("vault:sharing", lambda: SharingService(self))


__all__ = ["AppServices", "Preferences", "ThrottledError", "default_data_dir"]
