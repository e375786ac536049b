"""Where PyThaiNLP keeps its data: in this tool's cache folder, and nothing written there.

Importing PyThaiNLP creates its data folder, `~/pythainlp-data` unless PYTHAINLP_DATA says
otherwise: a folder outside `--out` that nobody asked for and, with a read-only or missing HOME
(a container, a service account), an OSError that stopped the run (exit 5) before it read a
file. This tool reads only the corpora inside the PyThaiNLP package, so PyThaiNLP is also told
to write nothing (PYTHAINLP_READ_ONLY). A user's own setting of either is kept.

Every import of pythainlp in this code comes after `keep_pythainlp_out_of_home()`, so the rule
holds in every process that reads documents: the command, its pool workers, Dask workers.
"""
from __future__ import annotations

import os
import tempfile


def cache_folder() -> str:
    """This tool's cache folder: under $XDG_CACHE_HOME, else ~/.cache, else (HOME missing or
    not writable) the temporary folder. It is named, not created."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "ita-extract")
    home = os.path.expanduser("~")
    if os.path.isdir(home) and os.access(home, os.W_OK):
        return os.path.join(home, ".cache", "ita-extract")
    # Per user: another user's folder of the same name would not be ours to write.
    user = os.getuid() if hasattr(os, "getuid") else "user"
    return os.path.join(tempfile.gettempdir(), f"ita-extract-{user}")


def keep_pythainlp_out_of_home() -> None:
    # Either variable of each pair set by the user wins; PyThaiNLP refuses both of a pair set.
    if not {"PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR"} & os.environ.keys():
        os.environ["PYTHAINLP_DATA"] = os.path.join(cache_folder(), "pythainlp-data")
    if not {"PYTHAINLP_READ_ONLY", "PYTHAINLP_READ_MODE"} & os.environ.keys():
        os.environ["PYTHAINLP_READ_ONLY"] = "1"
