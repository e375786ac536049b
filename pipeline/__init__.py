"""ita-extract: Thai ITA reports into Parquet datasets (see README.md)."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ita-extract")
except PackageNotFoundError:  # running from a source tree that was never pip-installed
    __version__ = "0.1.0"
