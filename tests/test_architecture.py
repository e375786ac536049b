"""The shape of the code, read with `ast`: the flow goes one way (thai → normalizers → parsers →
pipeline, and inside each the layers below), no import circles, the PDF and OCR readers share one
page builder and know nothing of each other, the Thai character classes and the list grammar are
defined once; and every room stays small enough to read (no function above cyclomatic complexity
20, no module above 450 lines)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGES = ("thai", "normalizers", "parsers", "pipeline")
# What each package may import of ours; the layers below it, never those above.
MAY_IMPORT = {
    "thai": {"thai"},
    "normalizers": {"thai", "normalizers"},
    "parsers": {"thai", "normalizers", "parsers"},
    "pipeline": {"thai", "normalizers", "parsers", "pipeline"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in sorted((REPO / package).rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The modules of ours `path` imports, anywhere in it (a function-level import counts)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from parsers.ocr import digits` imports the module parsers.ocr.digits;
            # `from parsers.ocr import OcrSettings` a name of the package parsers.ocr
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known else node.module
                     for a in node.names]
        for name in names:
            # `from parsers import ocr` imports parsers.ocr; `from parsers.pdf import PdfSettings`
            # imports parsers.pdf (its __init__): the longest of ours that the name begins with
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(path, known) - {name} for name, path in mods.items()}


def test_the_graph_is_read(graph):
    assert len(graph) > 60 and graph["parsers.pdf.reader"] >= {"parsers.compose.page", "parsers.layout"}


def test_imports_flow_one_way(graph):
    wrong = [(m, d) for m, deps in graph.items() for d in deps
             if d.split(".")[0] not in MAY_IMPORT[m.split(".")[0]]]
    assert not wrong


def test_no_import_circle(graph):
    """No module reaches itself through what it imports (a package's `__init__` re-exporting
    its own modules aside: importing `parsers.ocr.reader` runs `parsers.ocr` first anyway).
    The circle there once was, `parsers.markup` ↔ the table helpers, would be found."""

    def reaches(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for dep in graph[todo.pop()]:
                if dep not in seen and not start.startswith(dep + "."):
                    seen.add(dep)
                    todo.append(dep)
        return seen

    circles = sorted(m for m in graph if m in reaches(m))
    assert not circles


def test_the_pdf_and_ocr_readers_know_nothing_of_each_other(graph):
    crossing = [(m, d) for m, deps in graph.items() for d in deps
                if (m.startswith("parsers.ocr") and d.startswith("parsers.pdf"))
                or (m.startswith("parsers.pdf") and d.startswith("parsers.ocr"))]
    assert not crossing


def _calls(path: Path) -> set[str]:
    return {n.func.id if isinstance(n.func, ast.Name) else n.func.attr
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute))}


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_one_page_builder_serves_both_readers():
    for reader in ("parsers/pdf/reader.py", "parsers/ocr/reader.py"):
        assert "compose_page" in _calls(REPO / reader), reader
    steps = {"compose_page", "split_by_tables", "build_table", "group_lines", "paragraphs",
             "join_wrapped", "find_tables", "Line", "ReadLine", "TableCells"}
    where = {name: sorted(module_name(p) for p in modules().values() if name in _defined(p))
             for name in steps}
    assert all(len(places) == 1 and places[0].startswith("parsers.compose.")
               for places in where.values()), where


# Names of Thai rules that must have one definition, in `thai`, and the literal mark range that
# any second definition would spell out.
THAI_NAMES = {"MARKS", "CONSONANTS", "THAI", "THAI_DIGITS", "TONE_MARKS", "is_mark", "is_thai",
              "is_base", "without_marks", "join_sara_am", "list_marker", "split_numbering",
              "wrap_glue", "TO_THAI_DIGITS", "TO_ARABIC_DIGITS"}
MARK_RANGE = "\\u0e31\\u0e34-\\u0e3a"


def test_thai_rules_are_defined_once_in_thai():
    elsewhere = {(module_name(p), n) for p in modules().values() if not module_name(p).startswith("thai")
                 for n in _defined(p) & THAI_NAMES}
    assert not elsewhere
    spelt_out = [module_name(p) for p in modules().values()
                 if MARK_RANGE in p.read_text(encoding="utf-8") and module_name(p) != "thai.chars"]
    assert not spelt_out


# ---- layers inside parsers/ and pipeline/ -----------------------------------------------------
# parsers/: the layout model, then the one page builder, then the readers of each format, then the
# ITA parser, which reads the layout model only (it never knows which reader made a page).
PARSER_LAYERS = (
    ("parsers.layout", "parsers.timeouts"),
    ("parsers.compose",),
    ("parsers.pdf", "parsers.ocr", "parsers.markup", "parsers.continued", "parsers.text_grid"),
    ("parsers.ita",),
)


def _in(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _parser_layer(module: str) -> int | None:
    return next((i for i, prefixes in enumerate(PARSER_LAYERS) if _in(module, prefixes)), None)


def test_every_parsers_module_has_a_layer(graph):
    unplaced = [m for m in graph if m.startswith("parsers.") and _parser_layer(m) is None]
    assert not unplaced


def test_parsers_import_only_their_own_layer_or_below(graph):
    """The arrow that once ran back up (`parsers.compose.grid` importing the table helpers,
    which imported the grid) would be found here."""
    upward = [(m, d) for m, deps in graph.items() if m.startswith("parsers.") for d in deps
              if d.startswith("parsers.") and (_parser_layer(d) or 0) > (_parser_layer(m) or 0)]
    assert not upward


def test_the_ita_parser_reads_the_layout_model_only(graph):
    readers = [(m, d) for m, deps in graph.items() if m.startswith("parsers.ita") for d in deps
               if d.startswith("parsers.") and not _in(d, ("parsers.ita",) + PARSER_LAYERS[0])]
    assert not readers


# pipeline/: the store (schema, writer, part index, dictionary) is the floor that both the run and
# the reading commands stand on; the run and the commands know nothing of each other; the command
# line (`pipeline.cli`) sits on top of both.
# Beside the store on the floor: the exit codes and errors, and the kill points the SIGKILL tests
# use (a write is killed at them too). The package itself (`pipeline`, its version) is no room.
SHARED_FLOOR = ("pipeline.store", "pipeline.errors", "pipeline.faults")
COMMANDS = ("pipeline.commands",)
ON_TOP = ("pipeline.cli",)


def _run_module(module: str) -> bool:
    return (module.startswith("pipeline.") and module not in ON_TOP
            and not _in(module, SHARED_FLOOR + COMMANDS))


def test_pipeline_has_its_store_and_its_commands(graph):
    assert any(m.startswith("pipeline.store.") for m in graph)
    assert any(m.startswith("pipeline.commands.") for m in graph)


def test_the_store_imports_neither_the_run_nor_the_commands(graph):
    wrong = [(m, d) for m, deps in graph.items() if _in(m, ("pipeline.store",)) for d in deps
             if _run_module(d) or _in(d, COMMANDS) or d in ON_TOP]
    assert not wrong


def test_the_commands_and_the_run_know_nothing_of_each_other(graph):
    crossing = [(m, d) for m, deps in graph.items() for d in deps
                if (_in(m, COMMANDS) and (_run_module(d) or d in ON_TOP))
                or (_run_module(m) and _in(d, COMMANDS))]
    assert not crossing


# ---- small rooms ------------------------------------------------------------------------------
# Everything of ours that is code: the packages, the scripts that make the samples, the
# benchmarks and the tests.
CODE_FOLDERS = (*PACKAGES, "scripts", "benchmarks", "tests")
MAX_COMPLEXITY = 20
MAX_LINES = 450


def _our_python_files() -> list[Path]:
    return [p for folder in CODE_FOLDERS for p in sorted((REPO / folder).rglob("*.py"))]


def test_no_function_is_too_complex_to_follow():
    """Cyclomatic complexity as radon counts it (each branch, loop, `except`, boolean operator
    and comprehension adds a path): above 20, a function is a chain of steps waiting to be
    named."""
    from radon.complexity import cc_visit
    from radon.visitors import Class

    def functions(blocks):
        for block in blocks:
            if isinstance(block, Class):
                yield from functions(block.methods)
            else:
                yield block
                yield from functions(block.closures)

    files = _our_python_files()
    assert len(files) > 100
    tangled = sorted((f"{p.relative_to(REPO)}:{f.name}", f.complexity) for p in files
                     for f in functions(cc_visit(p.read_text(encoding="utf-8")))
                     if f.complexity > MAX_COMPLEXITY)
    assert not tangled


def test_no_module_is_too_long_to_read():
    long = sorted((str(p.relative_to(REPO)), n) for p in _our_python_files()
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES)
    assert not long
