"""Every docstring example runs. pytest collects them itself (`--doctest-modules` over the
packages, in pyproject.toml), so that no module's examples wait on a hand-kept list; this checks
that the configuration reaches every module that has examples, and that they are many."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

PACKAGES = ("thai", "normalizers", "parsers", "pipeline")


def modules_with_examples() -> dict[str, int]:
    found = {}
    finder = doctest.DocTestFinder()
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            module = importlib.import_module(info.name)
            examples = sum(len(t.examples) for t in finder.find(module) if t.examples)
            if examples:
                found[info.name] = examples
    return found


def test_every_module_with_examples_is_collected(pytestconfig):
    assert "--doctest-modules" in pytestconfig.getini("addopts")
    collected = set(pytestconfig.getini("testpaths"))
    found = modules_with_examples()
    assert sum(found.values()) >= 150 and len(found) >= 25, found
    assert {name.split(".")[0] for name in found} <= collected
