"""The examples in the parsers' and pipeline's docstrings run (the normalisers' run in
test_normalizers_vocabulary)."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["parsers.tables", "parsers.ita.columns", "parsers.ocr.cleanup", "parsers.ocr.marks",
           "parsers.ita.header", "pipeline.plausibility", "parsers.timeouts",
           "pipeline.process"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
