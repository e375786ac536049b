"""What a run tells while it runs: a progress bar for a person at a terminal, or JSON lines for a
machine (`--log-json`: one object a line on stderr, each with an `event` and a UTC `time`).

The events, in order: `run_started`, then `document` for each file finished (and `checkpoint`
each time finished documents are written), then `run_finished` with the counts and exit code.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from abc import ABC, abstractmethod
from typing import Any, TextIO

from tqdm import tqdm

from pipeline.store.result import Extraction
from pipeline.store.schema import DocStatus


class Progress(ABC):
    def __init__(self, stream: TextIO):
        self.stream = stream
        self.total = 0
        self.done = 0
        self.pages = 0
        self.started_at = time.monotonic()

    def started(self, files: int, skipped: int, **about: Any) -> None:
        self.total, self.started_at = files, time.monotonic()

    def document(self, extraction: Extraction) -> None:
        self.done += 1
        self.pages += extraction.document.page_count or 0

    def checkpoint(self, rows_written: dict[str, int], seconds: float) -> None:  # noqa: B027
        """A hook: a checkpoint was written (only the JSON log tells)."""

    @abstractmethod
    def waiting(self, out: str, timeout: float | None) -> None:
        """Another run is writing to `out`; this one waits up to `timeout` seconds (None: no limit)."""

    @abstractmethod
    def finished(self, summary: dict[str, Any]) -> None: ...

    def close(self) -> None:  # noqa: B027
        """A hook: the run is over (the bar closes itself)."""

    def pages_per_second(self) -> float:
        elapsed = time.monotonic() - self.started_at
        return self.pages / elapsed if elapsed > 0 else 0.0


class ProgressBar(Progress):
    """tqdm over files (its ETA), with pages so far and pages/s beside it; a line per failed
    file. Shown only on a terminal; the failure lines are printed anyway unless `quiet`."""

    def __init__(self, stream: TextIO, quiet: bool = False):
        super().__init__(stream)
        self.quiet = quiet
        self.bar: tqdm | None = None

    def started(self, files: int, skipped: int, **about: Any) -> None:
        super().started(files, skipped)
        self.bar = tqdm(total=files, unit="file", file=self.stream, dynamic_ncols=True,
                        disable=self.quiet or not _isatty(self.stream))

    def document(self, extraction: Extraction) -> None:
        super().document(extraction)
        assert self.bar is not None
        self.bar.set_postfix_str(f"{self.pages} pages, {self.pages_per_second():.2f} pages/s",
                                 refresh=False)
        self.bar.update()
        if extraction.document.status == DocStatus.FAILED and not self.quiet:
            first = extraction.errors[0] if extraction.errors else None
            why = f"{first.code}: {first.message}" if first else "failed"
            self.bar.write(f"ita-extract: {extraction.document.source_path}: {why}", file=self.stream)

    def waiting(self, out: str, timeout: float | None) -> None:
        # Said even with --quiet: without it a run stalled on another's write looks hung.
        limit = "as long as it takes" if timeout is None else f"up to {timeout:g} s"
        line = f"ita-extract: another run is writing to {out}; waiting for it ({limit}, --lock-timeout)"
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def finished(self, summary: dict[str, Any]) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class JsonLog(Progress):
    def _emit(self, event: str, **fields: Any) -> None:
        record = {"event": event,
                  "time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                  **fields}
        self.stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self.stream.flush()

    def started(self, files: int, skipped: int, **about: Any) -> None:
        super().started(files, skipped)
        self._emit("run_started", files=files, skipped_unchanged=skipped, **about)

    def document(self, extraction: Extraction) -> None:
        super().document(extraction)
        doc = extraction.document
        self._emit("document", source_path=doc.source_path, doc_id=doc.doc_id, status=doc.status,
                   pages=doc.page_count, source_kind=doc.source_kind,
                   seconds=round(sum(extraction.stage_seconds.values()), 3),
                   errors=[e.code for e in extraction.errors], done=self.done, total=self.total,
                   pages_per_second=round(self.pages_per_second(), 3))

    def checkpoint(self, rows_written: dict[str, int], seconds: float) -> None:
        self._emit("checkpoint", rows_written=rows_written, seconds=round(seconds, 3))

    def waiting(self, out: str, timeout: float | None) -> None:
        self._emit("waiting_for_lock", out=out, timeout_seconds=timeout)

    def finished(self, summary: dict[str, Any]) -> None:
        self._emit("run_finished", **summary)

    def error(self, message: str, exit_code: int) -> None:
        self._emit("run_failed", message=message, exit_code=exit_code)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
