"""The province comparison report (issue 16, part 7), opened in a real headless Chromium.

`ita-extract report` on the main job's output for ขอนแก่น, whose 2568 results announcement (a
sample of family 4) lists 45 bodies: Debian's chromium, driven by Playwright through its
executable, loads the file; no console error, no request may leave it, the ranking table holds
every body the announcement lists (their names and scores from the gold file, written from the
document), every chart is drawn, the Thai is there in the embedded font. The screenshot is
saved under the test's temporary folder.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
GOLD = json.loads((REPO / "samples" / "families" / "gold" / "f4_onlk_khonkaen_2568.json").read_text(encoding="utf-8"))
# The flags that keep Chromium from calling home on a machine without a network.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(main_job, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("report") / "khonkaen.html"
    done = run_cli("report", main_job.out, "--province", "ขอนแก่น", "--html", dest)
    assert done.returncode == 0, done.stderr
    return dest


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is not installed: scripts/setup.sh test installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def test_the_report_renders_in_chromium_with_every_body_and_chart(report, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, requests = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert errors == []
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    # The ranking of the 2568 round: every body the announcement lists, with its score.
    assert "ขอนแก่น" in page.inner_text("h1") and "2568" in page.inner_text("#ranking h2")
    ranking = page.locator("#ranking table tbody tr")
    rows = [ranking.nth(i).inner_text().split("\t") for i in range(ranking.count())]
    by_name = {cells[1]: cells for cells in rows}
    listed = GOLD["listed_bodies"]
    assert len(rows) >= len(listed) == 45
    for body in listed:
        cells = by_name.get(body["org_name"])
        assert cells is not None, body["org_name"]
        assert cells[2] == ("" if body["overall"] is None else f"{body['overall']:.2f}"), body
    # The first is the best: ranks ascend with the scores.
    ranks = [int(cells[0]) for cells in rows if cells[0]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    # Every chart drawn as inline SVG, with a mark per body in the ranking's bar chart.
    assert page.locator("section svg").count() >= 2
    bars = page.locator("#ranking svg .mark-rect.role-mark path")
    assert bars.count() == min(40, sum(1 for b in listed if b["overall"] is not None) + len(rows) - len(listed))
    assert page.locator("#missing table tbody tr").count() > 100  # ขอนแก่น has 199 subdistricts
    # The embedded Thai face is the one used.
    assert page.evaluate("document.fonts.check('16px Garuda', 'ขอนแก่น')")


def test_an_unknown_province_or_round_is_refused(main_job, tmp_path):
    done = run_cli("report", main_job.out, "--province", "แอตแลนติส", "--html", tmp_path / "x.html")
    assert done.returncode == 2 and "no province" in done.stderr
    done = run_cli("report", main_job.out, "--province", "40", "--round", "2500", "--html", tmp_path / "x.html")
    assert done.returncode == 2 and "2500" in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_the_heatmap_has_a_cell_per_body_and_indicator(main_job, browser, tmp_path):
    # In the 2567 round one body of ขอนแก่น has its own report with the ten indicator scores.
    dest = tmp_path / "khonkaen_2567.html"
    done = run_cli("report", main_job.out, "--province", "40", "--round", "2567", "--html", dest)
    assert done.returncode == 0, done.stderr
    page = browser.new_page()
    page.goto(dest.as_uri())
    assert "2567" in page.inner_text("#heatmap h2")
    assert page.locator("#heatmap svg .mark-rect.role-mark path").count() == 10
