"""Input discovery: the files a run is given, from the paths, globs and folders on its command
line, each once and in a stable order, and the path each is known by in the rows."""
from __future__ import annotations

import glob
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.errors import UsageError
from pipeline.triage import SUPPORTED_SUFFIXES, is_supported

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class InputFile:
    # As given, or as found under a folder given, normalised (`./a//b` is `a/b`): the source's
    # identity in `out` (documents.source_path), which its bytes' versions replace each other under.
    path: str
    name: str  # file name, the documents.source_name


def as_text(path: str) -> str:
    """A path as the rows show it: bytes of a name that are not UTF-8 (a TIS-620 file name
    from an old Windows zip) as \\xNN escapes, which Parquet takes and a person can read.

    >>> as_text("รายงาน.pdf")
    'รายงาน.pdf'
    >>> as_text(b"\\xc3\\xd2\\xc2.pdf".decode("utf-8", "surrogateescape"))
    '\\\\xc3\\\\xd2\\\\xc2.pdf'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def discover(inputs: list[str], warn: Callable[[str], None] = lambda _: None,
             follow_symlinks: bool = False, links_skipped: list[str] | None = None) -> list[InputFile]:
    """The files to process, each once, in a stable order.

    A file named on the command line is always processed (an unsupported one gets a failed row,
    so that the user sees why it gave nothing); under a folder only supported files are taken,
    since folders of reports hold scans and spreadsheets that this version cannot read. Globs are
    expanded here too, for shells that do not (Windows) and for quoted patterns. Symbolic links
    under a folder follow `Links`; those skipped are added to `links_skipped`.
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    missing: list[str] = []

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            path = os.path.normpath(path)
            found.append(InputFile(path=path, name=os.path.basename(path)))

    expanded: list[tuple[str, list[str]]] = []  # (as given, what it names)
    for given in inputs:
        if os.path.exists(given):
            expanded.append((given, [given]))
        elif _GLOB_CHARS & set(given) and (matches := sorted(glob.glob(given, recursive=True))):
            expanded.append((given, matches))
        else:
            missing.append(given)
    if missing:
        # A typo should stop the run before it spends hours on the rest.
        raise UsageError("no such file or folder: " + ", ".join(missing))
    links = Links(roots=tuple(os.path.realpath(path) for _, paths in expanded for path in paths
                              if os.path.isdir(path)),
                  follow_all=follow_symlinks, warn=warn,
                  skipped=links_skipped if links_skipped is not None else [])
    for given, paths in expanded:
        before = len(found)
        for path in paths:
            for each in _walk(path, links) if os.path.isdir(path) else [path]:
                add(each)
        if len(found) == before and os.path.isdir(given):
            warn(f"no {'/'.join(sorted(SUPPORTED_SUFFIXES))} files under {given}")
    if not found:
        raise UsageError(f"no input files found in {', '.join(inputs)} "
                         f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    return found


@dataclass
class Links:
    """Which symbolic links found under an input folder are followed.

    A link that leads inside the input folders is followed, one that leads outside them only with
    `follow_all` (--follow-symlinks): the same rule for links to files and to folders. A skipped
    link is said through `warn` and listed in `skipped`. A link to a folder inside the input
    folders is not walked into: walking them finds what it leads to anyway, and a link to a
    folder above it would be walked forever."""

    roots: tuple[str, ...]  # the input folders, resolved
    follow_all: bool = False
    warn: Callable[[str], None] = lambda _: None
    skipped: list[str] = field(default_factory=list)

    def inside(self, path: str) -> bool:
        target = os.path.realpath(path)
        return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep)
                   for root in self.roots)

    def follow_file(self, path: str) -> bool:
        return self._follow(path, "file") if os.path.islink(path) else True

    def walk_into(self, path: str) -> bool:
        if not os.path.islink(path):
            return True
        return not self.inside(path) and self._follow(path, "folder")

    def _follow(self, path: str, kind: str) -> bool:
        if self.follow_all or (kind == "file" and self.inside(path)):
            return True
        self.skipped.append(as_text(path))
        self.warn(f"skipped {as_text(path)}: a symbolic link to a {kind} outside the input "
                  "folders (--follow-symlinks follows it)")
        return False


def _walk(folder: str, links: Links) -> list[str]:
    paths = []
    walked: set[str] = set()  # resolved: a followed link back up the tree is walked once
    for root, dirs, files in os.walk(folder, followlinks=True):
        here = os.path.realpath(root)
        if here in walked:
            dirs[:] = []
            continue
        walked.add(here)
        dirs[:] = [d for d in sorted(dirs)
                   if not d.startswith(".") and links.walk_into(os.path.join(root, d))]
        paths.extend(path for path in (os.path.join(root, f) for f in sorted(files)
                                       if not f.startswith(".") and is_supported(f))
                     if links.follow_file(path))
    return paths
