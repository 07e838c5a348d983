"""Settings for scheduled runs: `pipeline.toml` (in the working directory, or `--config FILE`).

Precedence, highest first: command-line flags, the settings file, the built-in defaults below.
Relative paths in the file are relative to the file's own directory, so a cron job or a systemd unit
started from anywhere reads the same corpus and writes the same outputs.
"""

from __future__ import annotations

import argparse
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "pipeline.toml"

# Built-in defaults; the flags of `pipeline run` use these when neither a flag nor the file sets a value.
# workers "auto" means one worker process per CPU core.
DEFAULTS: dict[str, Any] = {
    "corpus": "corpus",
    "out": "outputs",
    "workers": "auto",
    "executor": "processes",
    "scheduler": None,
    "batch_size": 64,
    "gazetteer": None,  # None: the gazetteer shipped in models/gazetteer
}
EXECUTORS = ("processes", "dask", "local")
PATH_KEYS = ("corpus", "out", "gazetteer")

# The linking stage reads its gazetteer directory from here (worker processes inherit the environment).
GAZETTEER_ENV = "PIPELINE_GAZETTEER_DIR"


class ConfigError(ValueError):
    """The settings file is missing, unreadable or has a bad key or value."""


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    source: Path | None = None  # the file read, if any
    explicit: frozenset[str] = field(default_factory=frozenset)  # keys set by a command-line flag

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


def find_config(path: str | os.PathLike | None, cwd: Path | None = None) -> Path | None:
    """The settings file to read: `path` if given (it must exist), else ./pipeline.toml if present."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"settings file not found: {p}")
        return p
    candidate = (cwd or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def read_config(path: Path) -> dict[str, Any]:
    """The validated settings of one file, with relative paths resolved against the file's directory."""
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"cannot read {path}: {e}") from e
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        # A typo must not silently fall back to a default on a nightly job.
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(DEFAULTS)}")
    values = {k: _check(path, k, v) for k, v in raw.items()}
    base = path.resolve().parent
    for key in PATH_KEYS:
        if key in values:
            values[key] = _resolve_path(values[key], base)
    return values


def load_settings(args: argparse.Namespace, config_path: str | None = None) -> Settings:
    """Merge flags (attributes of `args` that are present and not None) over the file over the defaults."""
    source = find_config(config_path)
    from_file = read_config(source) if source else {}
    explicit = {k for k in DEFAULTS if getattr(args, k, None) is not None}
    # Flags are already typed and checked by argparse.
    values = {**DEFAULTS, **from_file, **{k: getattr(args, k) for k in explicit}}
    gazetteer = values["gazetteer"]
    if gazetteer and not Path(gazetteer).is_dir():
        raise ConfigError(f"gazetteer directory not found: {gazetteer}")
    return Settings(values, source, frozenset(explicit))


def apply_settings(args: argparse.Namespace, settings: Settings) -> None:
    """Write the merged settings onto `args`, the way the rest of `pipeline run` reads them."""
    for key, value in settings.values.items():
        setattr(args, key, value)
    if args.workers == "auto":
        args.workers = os.cpu_count() or 1
    if settings["gazetteer"]:
        os.environ[GAZETTEER_ENV] = str(settings["gazetteer"])


def _check(path: Path, key: str, value: Any) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{path}: {key} must be {expected}, not {value!r}")

    if key in ("corpus", "out", "gazetteer", "scheduler"):
        if not isinstance(value, str) or not value:
            raise bad("a non-empty string")
    elif key == "workers":
        if value != "auto" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise bad('a positive integer or "auto"')
    elif key == "batch_size":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise bad("a positive integer")
    elif key == "executor" and value not in EXECUTORS:
        raise bad(" or ".join(EXECUTORS))
    return value


def _resolve_path(value: str, base: Path) -> str:
    if "://" in value:  # fsspec URL (s3://...): not a local path
        return value
    p = Path(value).expanduser()
    return str(p if p.is_absolute() else base / p)


def resolve_out(out: str | None, config_path: str | None = None) -> str:
    """The outputs directory for the reading commands (show, export): the flag, else the settings file's
    `out`, else the default, so they find what `pipeline run` wrote from the same directory."""
    if out:
        return out
    source = find_config(config_path)
    return (read_config(source) if source else {}).get("out", DEFAULTS["out"])
