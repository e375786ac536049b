"""The `ita-extract` command.

    ita-extract run PATH... [--out DIR] [--workers N | --serial] [--force] [--quiet]
    ita-extract --version

Exit codes (pipeline.errors): 0 every document extracted, 3 some failed or partial, 4 all failed,
2 bad usage or no inputs found, 5 internal error.
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from pipeline import __version__
from pipeline.errors import INTERNAL, USAGE, ItaError


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita-extract",
        description="Thai ITA (integrity and transparency assessment) reports into Parquet datasets.",
        epilog="exit codes: 0 all extracted, 3 some documents failed or partial, 4 all failed, "
               "2 bad usage or no inputs, 5 internal error")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "run", help="extract reports into Parquet datasets",
        description="Extract every report found under PATH (files, folders searched recursively for "
                    ".txt/.md/.markdown, or glob patterns) into one Parquet dataset per table under "
                    "--out. Re-running replaces the rows of the same documents.")
    run.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob pattern")
    run.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                     help="output folder (default: outputs)")
    workers = run.add_mutually_exclusive_group()
    workers.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                         help=f"worker processes (default: the number of CPUs, {os.cpu_count()})")
    workers.add_argument("--serial", action="store_true",
                         help="process files one after the other in this process (for debugging)")
    run.add_argument("--force", action="store_true",
                     help="extract again files already in --out with the same bytes and the same "
                          "extractor version (by default they are skipped)")
    run.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar and no line per failed file; the summary line stays")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    try:
        # Imported here so that --help and --version do not pay for pyarrow and the parsers, and
        # so that a broken install is reported as an internal error, not a bare traceback.
        from pipeline.run import RunSettings, run

        settings = RunSettings(inputs=args.paths, out=args.out,
                               workers=args.workers or os.cpu_count() or 1,
                               executor="serial" if args.serial else "processes", quiet=args.quiet,
                               force=args.force)
        summary = run(settings)
    except ItaError as exc:
        print(f"ita-extract: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ita-extract: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug: say so, with what a developer needs to fix it
        traceback.print_exc()
        print(f"ita-extract: internal error (version {__version__}); please report it with the "
              "traceback above", file=sys.stderr)
        return INTERNAL
    print(f"ita-extract: {summary.line()}", file=sys.stderr)
    return summary.exit_code


if __name__ == "__main__":
    sys.exit(main())
