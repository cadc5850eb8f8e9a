"""Every page, phone and desktop, light and dark: accessible, private, CSP-clean."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE

SIZES = {"phone": PHONE, "desktop": DESKTOP}

# Records CSP violations the browser reports, including ones it does not log.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def site_pages(site) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html"))


def open_page(browser, url: str, size: dict, scheme: str):
    """Open `url` in a fresh profile, collecting errors and outside requests."""
    context = browser.new_context(**size, color_scheme=scheme)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    found = {"errors": [], "outside": []}
    origin = urlsplit(url).netloc
    page.on("pageerror", lambda error: found["errors"].append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and found["errors"].append(message.text),
    )
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != origin
            and found["outside"].append(request.url)
        ),
    )
    page.goto(url, wait_until="networkidle")
    return context, page, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
def test_every_page_passes_axe_and_stays_on_the_site(browser, site, site_url, size, scheme):
    pages = site_pages(site)
    assert len(pages) >= 4
    report = {}
    for name in pages:
        context, page, found = open_page(browser, f"{site_url}/{name}", SIZES[size], scheme)
        results = Axe().run(page)
        csp = page.evaluate("window.__cspViolations")
        context.close()
        problems = {
            "axe": [v["id"] for v in results.response["violations"]],
            "errors": found["errors"],
            "outside requests": found["outside"],
            "csp": csp,
        }
        if any(problems.values()):
            report[name] = problems
    assert report == {}


def test_axe_really_reports_a_violation(browser, serve, tmp_path):
    """Guard against a silent axe: a page with an unlabelled input must fail."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html><head><title>x</title></head><body><input type="text"></body></html>'
    )
    context, page, _ = open_page(browser, serve(tmp_path) + "/bad.html", PHONE, "light")
    violations = Axe().run(page).response["violations"]
    context.close()
    assert "label" in {v["id"] for v in violations}
