"""The `ita-extract` command.

    ita-extract run PATH... [--out DIR] [--workers N | --serial] [--dask ADDRESS] [--force]
                            [--checkpoint-every N] [--document-timeout S] [--page-timeout S]
                            [--max-memory-mb MB] [--follow-symlinks] [--lock-timeout S]
                            [--corrections FILE] [--quiet | --log-json]
    ita-extract review OUT --csv FILE
    ita-extract export OUT [--xlsx FILE] [--csv DIR] [--duckdb FILE]
    ita-extract report OUT --province NAME_OR_CODE [--round YEAR] --html FILE
    ita-extract --version

Exit codes (`pipeline.errors.ExitCode`): 0 every document extracted, 3 some failed or partial,
4 all failed, 2 bad usage or no inputs found, 5 internal error, 6 OCR needed but not installed,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import traceback
from pathlib import Path

from pipeline import __version__
from pipeline.errors import ExitCode, ItaError
from pipeline.limits import (
    DEFAULT_DOCUMENT_SECONDS,
    DEFAULT_MEMORY_MB,
    DEFAULT_PAGE_SECONDS,
    MAX_MEMORY_MB,
    MAX_SECONDS,
    Limits,
)
from pipeline.progress import JsonLog
from pipeline.stopping import Terminated
from pipeline.store.transaction import DEFAULT_LOCK_SECONDS
from pipeline.triage import SUPPORTED_SUFFIXES


def _converted(text: str, convert, what: str):
    try:
        return convert(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None


def _positive_int(text: str) -> int:
    value = _converted(text, int, "a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita-extract",
        description="Thai ITA (integrity and transparency assessment) reports into Parquet datasets.",
        epilog="exit codes: 0 all extracted, 3 some documents failed or partial, 4 all failed, "
               "2 bad usage or no inputs, 5 internal error, 6 OCR needed but not installed, "
               "130 interrupted (Ctrl-C), 143 terminated (SIGTERM)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "run", help="extract reports into Parquet datasets",
        description="Extract every report found under PATH (files, folders searched recursively for "
                    f"{'/'.join(sorted(SUPPORTED_SUFFIXES))}, or glob patterns) into one Parquet "
                    "dataset per table under --out. Re-running replaces the rows of the same "
                    "documents.")
    run.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob pattern")
    run.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                     help="output folder (default: outputs)")
    workers = run.add_mutually_exclusive_group()
    workers.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                         help="worker processes, at most one per CPU and per file (default: the "
                              "number of CPUs)")
    workers.add_argument("--serial", action="store_true",
                         help="process files one after the other in this process (for debugging)")
    # Not in the group: `--workers N` sizes the cluster that `--dask local` starts.
    run.add_argument("--dask", metavar="ADDRESS",
                     help="run on Dask distributed (needs the extra: pip install "
                          "'ita-extract[dask]'): 'local' starts a cluster of --workers processes "
                          "on this machine; tcp://host:8786 uses the scheduler there, whose "
                          "workers must run this version of ita-extract and see the input paths "
                          "as given here (a shared filesystem; absolute paths, or workers started "
                          "in this working directory)")
    run.add_argument("--force", action="store_true",
                     help="extract again files already in --out with the same bytes and the same "
                          "extractor version (by default they are skipped)")
    run.add_argument("--follow-symlinks", action="store_true",
                     help="follow symbolic links found under a PATH folder wherever they lead; by "
                          "default a link to a file or folder outside the PATH folders is skipped "
                          "with a warning")
    run.add_argument("--checkpoint-every", type=_positive_int, default=200, metavar="N",
                     help="write the finished documents to --out every N documents (and at least "
                          "every 5 minutes), so that an interrupted run loses little: run the same "
                          "command again and it goes on where it stopped (default: 200)")
    limits = run.add_argument_group("limits", "what one document may take before it fails "
                                    "(0 = no limit); the batch goes on")
    limits.add_argument("--document-timeout", type=_seconds, default=DEFAULT_DOCUMENT_SECONDS,
                        metavar="S", help="seconds per document (default: %(default)g)")
    limits.add_argument("--page-timeout", type=_seconds, default=DEFAULT_PAGE_SECONDS, metavar="S",
                        help="seconds for the OCR of one page; the page is then left unread and "
                             "the document is partial (default: %(default)g)")
    limits.add_argument("--max-memory-mb", type=_megabytes, default=DEFAULT_MEMORY_MB, metavar="MB",
                        help="address space of a worker process, which reserves about 2 GB of it "
                             "idle (default: %(default)g)")
    run.add_argument("--lock-timeout", type=_seconds, default=DEFAULT_LOCK_SECONDS, metavar="S",
                     help="seconds to wait for another run's write into the same --out (0 = no "
                          "limit); its documents are kept, whichever run extracted them "
                          "(default: %(default)g)")
    run.add_argument("--corrections", type=Path, metavar="FILE",
                     help="a person's corrections (table,value_id,column,value), set on the rows "
                          "of every run (default: corrections.csv in --out, if there is one)")
    output = run.add_mutually_exclusive_group()
    output.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no line per failed file; the summary line stays")
    output.add_argument("--log-json", action="store_true",
                        help="JSON lines on stderr instead of the progress bar: run_started, one "
                             "document event per file, checkpoint, run_finished (with the manifest)")
    review = _reader(
        commands, "review", "what a person should check, as a CSV for a spreadsheet",
        "List the values and documents of OUT a person should look at (low OCR "
                    "confidence, unknown owners, each document's warnings and errors), with the "
                    "file, page and box to look at and the value_id a correction takes: put "
                    "table,value_id,column,value lines in OUT/corrections.csv and run again.")
    review.add_argument("--csv", type=Path, required=True, metavar="FILE", help="CSV file to write")
    export = _reader(
        commands, "export", "the tables of an output folder as Excel, CSV or DuckDB",
        "Write the tables of OUT (an `ita-extract run` output folder) as an Excel "
                    "workbook (a sheet per table, Thai and English headers, filters), CSV files "
                    "(UTF-8 with a byte-order mark, with a datapackage.json data dictionary) "
                    "and/or a DuckDB database (the tables, column comments and the views "
                    "current_documents, org_rounds, measures_owners_statuses, indicator_pivot).")
    export.add_argument("--xlsx", type=Path, metavar="FILE", help="Excel workbook to write")
    export.add_argument("--csv", type=Path, metavar="DIR", help="folder for one CSV file per table")
    export.add_argument("--duckdb", type=Path, metavar="FILE", help="DuckDB database file to write")
    report = _reader(
        commands, "report", "one province's bodies compared, as one self-contained HTML file",
        "Write one HTML file (no script, no network, Thai font embedded) comparing the "
                    "bodies of a province: ranking per round (their reports and the results "
                    "announcements), indicator heatmap, change from the previous round, status "
                    "of measures, owners by unit, and the subdistricts with no report.")
    report.add_argument("--province", required=True, metavar="NAME_OR_CODE",
                        help="Thai name (ขอนแก่น) or DOPA code (40)")
    report.add_argument("--round", type=_positive_int, metavar="YEAR",
                        help="the assessment round, Buddhist era (default: the latest in the data)")
    report.add_argument("--html", type=Path, required=True, metavar="FILE", help="HTML file to write")
    return parser


def _reader(commands, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    """A command that reads an output folder of `ita-extract run`."""
    parser = commands.add_parser(name, help=help_text, description=description)
    parser.add_argument("out", type=Path, metavar="OUT", help="output folder of `ita-extract run`")
    return parser


def _limit(text: str, most: float) -> float | None:
    value = _converted(text, float, "a number")
    if not math.isfinite(value):  # float() takes 'nan' and 'inf'
        raise argparse.ArgumentTypeError(f"must be a finite number, 0 (no limit) to {most:.0f}, "
                                         f"got {text}")
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, got {text}")
    if value > most:
        raise argparse.ArgumentTypeError(f"must be at most {most:.0f}, got {text}")
    return value or None


def _seconds(text: str) -> float | None:
    return _limit(text, MAX_SECONDS)


def _megabytes(text: str) -> float | None:
    return _limit(text, MAX_MEMORY_MB)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    if args.command == "export":
        return _guarded(lambda: _export(args), log_json=False)
    if args.command == "report":
        return _guarded(lambda: _report(args), log_json=False)
    if args.command == "review":
        return _guarded(lambda: _review(args), log_json=False)
    if args.dask is not None and args.serial:
        parser.error("argument --dask: not allowed with argument --serial")
    if args.dask not in (None, "local") and args.workers:
        parser.error("argument --workers: a remote Dask cluster has the workers it was started with")
    return _guarded(lambda: _run(args), log_json=args.log_json)


def _run(args: argparse.Namespace) -> int:
    # Imported here so that --help and --version do not pay for pyarrow and the parsers, and
    # so that a broken install is reported as an internal error, not a bare traceback.
    from pipeline.run import RunSettings, run

    memory = args.max_memory_mb
    settings = RunSettings(inputs=args.paths, out=args.out,
                           workers=args.workers or os.cpu_count() or 1,
                           executor=_executor(args), dask_address=args.dask, quiet=args.quiet,
                           force=args.force, checkpoint_documents=args.checkpoint_every,
                           log_json=args.log_json, follow_symlinks=args.follow_symlinks,
                           lock_timeout=args.lock_timeout, corrections=args.corrections,
                           limits=Limits(document_seconds=args.document_timeout,
                                         page_seconds=args.page_timeout,
                                         memory_mb=int(memory) if memory else None))
    summary = run(settings)
    if not args.log_json:  # the run_finished event said it
        print(f"ita-extract: {summary.line()}", file=sys.stderr)
    return summary.exit_code


def _export(args: argparse.Namespace) -> int:
    from pipeline.commands.export import export

    report = export(args.out, xlsx=args.xlsx, csv=args.csv, duckdb_file=args.duckdb)
    rows = ", ".join(f"{name} {count}" for name, count in report.rows.items())
    print(f"ita-extract: exported {rows} rows → {', '.join(str(f) for f in report.files[:3])}"
          f"{' ...' if len(report.files) > 3 else ''}", file=sys.stderr)
    return ExitCode.OK


def _review(args: argparse.Namespace) -> int:
    from pipeline.commands.review import write_review

    rows = write_review(args.out, args.csv)
    print(f"ita-extract: {rows} rows to review → {args.csv}", file=sys.stderr)
    return ExitCode.OK


def _report(args: argparse.Namespace) -> int:
    from pipeline.commands.report import province_report

    path = province_report(args.out, args.province, args.html, round_be=args.round)
    print(f"ita-extract: report → {path}", file=sys.stderr)
    return ExitCode.OK


def _guarded(action, log_json: bool) -> int:
    """A command's exit code: an ItaError's own, 130/143 when stopped, 5 for a bug."""
    try:
        return action()
    except ItaError as exc:
        if log_json:
            JsonLog(sys.stderr).error(str(exc), exc.exit_code)
        else:
            print(f"ita-extract: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        print(f"ita-extract: {'terminated' if terminated else 'interrupted'}; the documents "
              "finished so far are written, and the same command goes on from there",
              file=sys.stderr)
        return ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED
    except Exception:
        traceback.print_exc()
        print(f"ita-extract: internal error (version {__version__}); please report it with the "
              "traceback above", file=sys.stderr)
        return ExitCode.INTERNAL


def _executor(args: argparse.Namespace) -> str:
    return "dask" if args.dask is not None else "serial" if args.serial else "processes"


if __name__ == "__main__":
    sys.exit(main())
