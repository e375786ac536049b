"""Every command the README shows runs on a fresh clone, as a user would type it.

A fresh clone is the project's files as a clone holds them, with this test's venv linked in as
`.venv` (so that the README's `scripts/setup.sh` finds the project installed and takes a second,
offline): `conftest.fresh_clone`. The README's main command, `./scripts/run_samples.sh`, comes
first: it is the session's main job (`conftest.main_job`, run on a fresh clone of its own, whose
`outputs/` every other test reads too). The README's other fenced blocks then run in order on a
second fresh clone holding that `outputs/`: each shell line with bash, each SQL block with DuckDB,
each Python block with the venv's Python. A shell command must exit 0 and leave the files its
options name (`--out`, `--xlsx`, `--csv`, `--duckdb`, `--html`). The few commands not run are
listed in `NOT_RUN`, each with its reason.

The commands run the clone's own code: the venv's editable install points at the checkout it was
made from, so the clone is put first on `PYTHONPATH` (`conftest.users_env`).
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import MAIN_JOB, REPO, fresh_clone, run_in, users_env

README = "README.md"
MAX_LINES = 250
SHELL = frozenset({"sh", "bash", "shell"})
# A shell command the test does not run, by the command as the README writes it: the reason.
NOT_RUN = {
    "./scripts/test.sh": "runs the test suite, this test among it: it would run itself",
}
# What the main job writes (`ita-extract run samples --out outputs`).
MAIN_JOB_WRITES = ("outputs/manifest.json", "outputs/datapackage.json", "outputs/documents")
# Options whose value is a file or folder the command writes.
WRITES = frozenset({"--out", "--xlsx", "--csv", "--duckdb", "--html"})
# A SQL block whose first line is `-- duckdb FILE` runs in that database, as `duckdb FILE` would.
DATABASE = re.compile(r"^--\s*duckdb\s+(\S+)\s*$")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Block:
    """A fenced block of a markdown file: its language and its text, with the line it opens on."""

    lang: str
    text: str
    line: int


def fenced_blocks(markdown: str) -> list[Block]:
    """The fenced blocks of `markdown`, in order.

    >>> [(b.lang, b.text, b.line) for b in fenced_blocks("a\\n```sh\\nls\\n```\\n```\\nx\\n```\\n")]
    [('sh', 'ls', 2), ('', 'x', 5)]
    """
    blocks, lang, start, body = [], None, 0, []
    for number, line in enumerate(markdown.splitlines(), 1):
        fence = line.strip().startswith("```")
        if lang is None and fence:
            lang, start, body = line.strip()[3:].strip(), number, []
        elif lang is not None and fence:
            blocks.append(Block(lang, "\n".join(body), start))
            lang = None
        elif lang is not None:
            body.append(line)
    return blocks


def shell_commands(text: str) -> list[str]:
    """The command lines of a shell block: continuation lines joined, comments and blanks left out.

    >>> shell_commands("a --x 1   # does a\\n\\n# a note\\nb \\\\\\n  --y 2")
    ['a --x 1', 'b --y 2']
    """
    joined = re.sub(r"\\\n\s*", "", text)
    lines = (re.sub(r"(^|\s)#.*$", "", line).strip() for line in joined.splitlines())
    return [line for line in lines if line]


def written_paths(command: str) -> list[str]:
    """The files and folders a command says it writes: the values of its output options.

    >>> written_paths(".venv/bin/ita-extract export outputs --xlsx a.xlsx --csv b")
    ['a.xlsx', 'b']
    >>> written_paths("./scripts/run_samples.sh")
    ['outputs/manifest.json', 'outputs/datapackage.json', 'outputs/documents']
    """
    if command == MAIN_JOB:
        return list(MAIN_JOB_WRITES)
    words = shlex.split(command)
    return [value for option, value in zip(words, words[1:]) if option in WRITES]


def readme_commands(markdown: str) -> list[str]:
    return [c for b in fenced_blocks(markdown) if b.lang in SHELL for c in shell_commands(b.text)]


def slug(heading: str) -> str:
    """A heading's anchor, as GitHub makes it.

    >>> slug("National scale: `benchmarks/national.py`")
    'national-scale-benchmarksnationalpy'
    """
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    return {slug(line.lstrip("#")) for line in markdown.splitlines() if re.match(r"#{1,6} ", line)}


# ---- cheap checks, on the working tree ----------------------------------------------------------
def test_the_readme_is_for_users_and_short():
    lines = (REPO / README).read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines; the rest belongs in docs/"


def test_few_commands_are_not_run_and_each_is_shown_and_exists():
    shown = readme_commands((REPO / README).read_text(encoding="utf-8"))
    assert len(NOT_RUN) <= 2, "a README whose commands are not run is a README nobody checks"
    assert MAIN_JOB in shown and shown.index(MAIN_JOB) == 0, "the main job comes first"
    for command, reason in NOT_RUN.items():
        assert reason and command in shown, command
        assert os.access(REPO / shlex.split(command)[0], os.X_OK), command


def test_every_link_of_the_readme_and_docs_leads_somewhere():
    pages = [REPO / README, REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            if not dest.exists() or (anchor and dest.suffix == ".md"
                                     and anchor not in anchors(dest.read_text(encoding="utf-8"))):
                broken.append(f"{page.relative_to(REPO)}: {target}")
    assert not broken


# ---- the fresh clone ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def clone(main_job, tmp_path_factory) -> Path:
    """A fresh clone in which the README's main command has run: the session's main job is that
    command on a fresh clone, so its `outputs/` is copied in rather than made twice; the other
    commands then run here, leaving the main job's folder as the other tests read it."""
    if main_job.command != MAIN_JOB:
        message = "the venv was set up from another pyproject.toml: run ./scripts/setup.sh test"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert main_job.done.returncode == 0, main_job.done.stderr[-2000:]
    missing = [p for p in written_paths(MAIN_JOB) if not (main_job.clone / p).exists()]
    assert not missing, f"the main job did not write {missing}"
    dest = fresh_clone(tmp_path_factory.mktemp("readme") / "ita-extract")
    shutil.copytree(main_job.out, dest / "outputs", symlinks=True)
    return dest


def run_shell(command: str, clone: Path) -> str | None:
    """Run one command line in the clone; what went wrong, or None."""
    done = run_in(clone, command)
    if done.returncode != 0:
        return f"exit {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
    missing = [p for p in written_paths(command) if not (clone / p).exists()]
    return f"did not write {missing}" if missing else None


def run_sql(text: str, clone: Path) -> str | None:
    first = text.lstrip().splitlines()[0]
    database = DATABASE.match(first)
    script = "import duckdb, sys; duckdb.connect(sys.argv[1]).execute(sys.argv[2])"
    done = subprocess.run([clone / ".venv" / "bin" / "python", "-c", script,
                           database.group(1) if database else ":memory:", text],
                          cwd=clone, env=users_env(clone), capture_output=True, text=True, timeout=300)
    return done.stderr[-2000:] if done.returncode else None


def run_python(text: str, clone: Path) -> str | None:
    done = subprocess.run([clone / ".venv" / "bin" / "python", "-c", text], cwd=clone,
                          env=users_env(clone), capture_output=True, text=True, timeout=300)
    return done.stderr[-2000:] if done.returncode else None


def run_block(block: Block, clone: Path) -> list[str]:
    """What went wrong running one block, each problem naming the README line it came from. The
    main job has run already (the `clone` fixture)."""
    if block.lang in SHELL:
        problems = ((c, run_shell(c, clone)) for c in shell_commands(block.text)
                    if c not in NOT_RUN and c != MAIN_JOB)
    elif block.lang == "sql":
        problems = iter([("sql", run_sql(block.text, clone))])
    elif block.lang == "python":
        problems = iter([("python", run_python(block.text, clone))])
    else:
        return []
    return [f"README.md:{block.line}: {what}: {problem}" for what, problem in problems if problem]


@pytest.mark.slow
def test_every_command_of_the_readme_runs_on_a_fresh_clone(clone):
    blocks = fenced_blocks((clone / README).read_text(encoding="utf-8"))
    assert sum(len(shell_commands(b.text)) for b in blocks if b.lang in SHELL) >= 5
    problems = [problem for block in blocks for problem in run_block(block, clone)]
    assert not problems, "\n\n".join(problems)
