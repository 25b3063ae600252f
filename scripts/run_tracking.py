"""Training-run tracking for the training scripts: MLflow with a local store in ``mlruns/``
(git-ignored): runs in the SQLite database ``mlruns/mlflow.db`` (MLflow 3 no longer accepts a
plain file store), artifacts under ``mlruns/artifacts/``. MLflow is in the ``train`` extra
only: it is imported lazily, and when it is missing the run is not logged (one warning) and
training goes on.

``log_run(experiment, params, data_files, metrics, artifacts)`` records the parameters, the
sha256 of every data file (params ``data.<name>.sha256``; files of the same name in different
folders are told apart by their parent folder), every metric (nested dicts flattened as
``set.metric``, numbers only) and the exported artifacts; returns the run id or None.
``on_run(run_id)`` is called before the artifacts are logged, so a script can name the run in
an artifact (e.g. a promotion candidate's ``candidate.json``).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping
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


def metric_key(name: str) -> str:
    """An MLflow-safe metric name (letters, digits, ``_ - . /`` and spaces only)."""
    name = name.replace("(", "").replace(")", "").replace("+", "and").replace(",", "")
    return "_".join(name.split())


def data_param(path: Path, seen: set[str]) -> str:
    key = f"data.{path.name}.sha256"
    if key in seen:
        key = f"data.{path.parent.name}.{path.name}.sha256"
    seen.add(key)
    return key


def flatten(metrics: Mapping[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[metric_key(name)] = float(value)
    return out


def tracking_uri(store: Path = STORE) -> str:
    return f"sqlite:///{(store / 'mlflow.db').resolve()}"


def _experiment(mlflow: Any, name: str, store: Path) -> None:
    if mlflow.get_experiment_by_name(name) is None:
        mlflow.create_experiment(name, artifact_location=(store / "artifacts").resolve().as_uri())
    mlflow.set_experiment(name)


def log_run(experiment: str, params: Mapping[str, Any], data_files: Iterable[Path],
            metrics: Mapping[str, Any], artifacts: Iterable[Path],
            store: Path = STORE, on_run: Callable[[str], None] | None = None) -> str | None:
    try:
        import mlflow
    except ImportError:
        sys.stderr.write("warning: mlflow is not installed (train extra); run not logged\n")
        return None
    store.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(tracking_uri(store))
    _experiment(mlflow, experiment, store)
    with mlflow.start_run() as run:
        mlflow.log_params({k: str(v)[:500] for k, v in params.items()})
        seen: set[str] = set()
        mlflow.log_params({data_param(path, seen): sha256(path) for path in data_files})
        mlflow.log_metrics(flatten(metrics))
        if on_run is not None:
            on_run(str(run.info.run_id))
        for path in artifacts:
            if path.exists():
                mlflow.log_artifact(str(path))
        return str(run.info.run_id)
