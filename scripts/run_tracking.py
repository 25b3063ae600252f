"""Training-run tracking for the training scripts: MLflow with a local file store in ``mlruns/``
(git-ignored). MLflow is in the ``train`` extra only: it is imported lazily, and when it is
missing the run is not logged (one warning) and training goes on.

``log_run(experiment, params, data_files, metrics, artifacts)`` records the parameters, the
sha256 of every data file (params ``data.<name>.sha256``), every metric (nested dicts flattened
as ``set.metric``, numbers only) and the exported artifacts; returns the run id or None.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STORE = REPO / "mlruns"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def flatten(metrics: Mapping[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[name.replace(" ", "_").replace("(", "").replace(")", "").replace("+", "and")] = (
                float(value))
    return out


def log_run(experiment: str, params: Mapping[str, Any], data_files: Iterable[Path],
            metrics: Mapping[str, Any], artifacts: Iterable[Path],
            store: Path = STORE) -> str | None:
    try:
        import mlflow
    except ImportError:
        sys.stderr.write("warning: mlflow is not installed (train extra); run not logged\n")
        return None
    store.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(store.resolve().as_uri())
    mlflow.set_experiment(experiment)
    with mlflow.start_run() as run:
        mlflow.log_params({k: str(v)[:500] for k, v in params.items()})
        for path in data_files:
            mlflow.log_param(f"data.{path.name}.sha256", sha256(path))
        mlflow.log_metrics(flatten(metrics))
        for path in artifacts:
            if path.exists():
                mlflow.log_artifact(str(path))
        return str(run.info.run_id)
