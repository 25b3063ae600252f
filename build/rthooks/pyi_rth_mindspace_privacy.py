"""Runtime hook: switch off third-party telemetry before any library is imported.

ONNX Runtime 1.29+ official wheels ship 1DS telemetry on Linux: unless ``ORT_DISABLE_TELEMETRY=1``
is set before the runtime initialises, it writes a persistent device id and an event database to
``~/.cache/Microsoft/DeveloperTools/.onnxruntime/`` and uploads events to
mobile.events.data.microsoft.com. MindSpace never sends telemetry, so the opt-out is forced (a
value inherited from the environment is overridden). The Hugging Face hub client (imported by
faster-whisper) is put in offline mode with its telemetry off as well. Runs on the main thread
before any app code.
"""

import os

os.environ["ORT_DISABLE_TELEMETRY"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["DO_NOT_TRACK"] = "1"
