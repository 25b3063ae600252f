"""faster-whisper: its package assets (Silero VAD ONNX model) are loaded from the package folder."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("faster_whisper", excludes=["**/__pycache__"])
