"""Real clients: a headless Chromium loads 'catalogue serve' and 'catalogue publish'.

The browser is Debian's chromium, installed by :func:`browser.chromium_path` when missing
and the tests run as root (as in CI). Screenshots are kept in tests/artefacts/.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")
pytest.importorskip("datasette")

from browser import browser, chromium_path, click, free_port, wait_for_port
from catalogue.core.store import open_store
from programme_helpers import make_programme
from request_helpers import new_request

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium: Debian's 'chromium' package is not installed, and it can be "
                    "installed here only as root with apt-get (CI runs as root)")
    return path


@pytest.fixture
def running(db_path: Path) -> Iterator[object]:
    """Start 'catalogue COMMAND' on a free loopback port; stopped afterwards."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> int:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "catalogue", "--db", str(db_path), *args, "--port",
             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "TERM": "xterm-256color"})
        started.append(process)
        wait_for_port(port, 60)
        return port

    yield start
    for process in started:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_app_in_chromium_finds_kenya_from_kenia(chromium: str, running) -> None:  # type: ignore[no-untyped-def]
    port = running("serve")

    async def drive() -> None:
        async with browser(chromium, 1400, 900) as page:
            await page.goto(f"http://127.0.0.1:{port}/")
            await page.wait_for(lambda: "Afghanistan" in page.websocket_text(), 60)
            await page.screenshot("serve-explorer")
            await click(page, 700, 60)  # the explorer's search box
            mark = len(page.events)
            await page.type("Kenia")
            await page.wait_for(lambda: "Republic of Kenya" in page.websocket_text(mark), 30)
            await asyncio.sleep(0.5)
            shown = page.websocket_text(mark)
            assert "Kenia" in shown and "closest matches" in shown
            await page.screenshot("serve-kenia-finds-kenya")

    asyncio.run(drive())


def test_the_web_view_in_chromium_shows_programmes_and_facets(chromium: str, running,
                                                             db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_path) as store:
        make_programme(store, ["cmd-decision-logs"], delivery_mode="uk",
                       start_date="2027-05-04")
        for country in ("KE", "KE", "FR"):
            new_request(store, country)
    port = running("publish")

    async def drive() -> None:
        async with browser(chromium, 1280, 1000) as page:
            await page.goto(f"http://127.0.0.1:{port}/catalogue/programmes")
            facets = await page.evaluate(
                "[...document.querySelectorAll('.facet-info')].map(f => f.innerText)")
            text = await page.evaluate("document.body.innerText")
            await page.screenshot("publish-programmes-facets")
            assert "Training programmes" in text
            assert any(f.startswith("country") and "Kenya" in f for f in facets), facets
            assert any(f.startswith("disciplines") and "command" in f for f in facets), facets
            await page.goto(f"http://127.0.0.1:{port}/catalogue/programmes_by_region")
            text = await page.evaluate("document.body.innerText")
            await page.screenshot("publish-programmes-by-region")
            assert "Programmes by UN region" in text and "Africa" in text
            # The team's requests: facets by state, country and discipline; following the
            # country facet's Kenya link filters the table to Kenya's two requests.
            await page.goto(f"http://127.0.0.1:{port}/catalogue/requests")
            facets = await page.evaluate(
                "[...document.querySelectorAll('.facet-info')].map(f => f.innerText)")
            assert any(f.startswith("state") and "received" in f for f in facets), facets
            assert any(f.startswith("disciplines") and "leadership" in f for f in facets), facets
            href = await page.evaluate(
                "[...document.querySelectorAll('.facet-info a')].find("
                "a => a.innerText.trim() === 'Kenya').href")
            assert href == f"http://127.0.0.1:{port}/catalogue/requests?country=KE"
            await page.goto(href)
            text = await page.evaluate("document.body.innerText")
            await page.screenshot("publish-requests-facet-kenya")
            assert '2 rows where country = "KE"' in text, text[:500]
            await page.goto(f"http://127.0.0.1:{port}/catalogue/open_requests_by_age")
            text = await page.evaluate("document.body.innerText")
            await page.screenshot("publish-open-requests-by-age")
            assert "Open requests by age" in text and "Kenya" in text

    asyncio.run(drive())
