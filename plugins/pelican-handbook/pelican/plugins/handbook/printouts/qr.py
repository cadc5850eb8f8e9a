"""The contacts card's QR code: the published staff page, so a printed card leads back to it.

Made at build time with segno (pure Python) as an inline SVG element, which a
Content-Security-Policy of `img-src 'self'` allows (a data: image it would
not). Only with SITEURL (`make publish`): without it the build knows no
address to send anyone to, and there is no code.
"""

from __future__ import annotations

import importlib.util


def target_page(generator, card_pages: list):
    """Return the page a card leads back to: the `Contacts: first` one, else the first card page."""
    everything = [*card_pages, *generator.pages, *generator.hidden_pages]
    first = [page for page in everything if str(getattr(page, "contacts", "")).lower() == "first"]
    return (first or card_pages)[0]


def qr_svg(url: str) -> str:
    """Return a QR code of `url` as an SVG element, black on white with its quiet zone."""
    import segno  # only a build with SITEURL needs it

    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        border=4, omitsize=True, svgclass="card__qr-code", lineclass=None, dark="#000", light="#fff"
    )
    # The caption says the address; the picture of it is for cameras.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def wants_qr(siteurl: str) -> bool:
    """Say whether the contacts card should carry a QR code: only with an http(s) SITEURL."""
    return siteurl.startswith(("http://", "https://"))


def qr_writer_installed() -> bool:
    """Say whether segno (the `print` extra) is installed."""
    return importlib.util.find_spec("segno") is not None


def contacts_qr(siteurl: str, generator, card_pages: list) -> dict | None:
    """Return the contacts card's QR code ({"url", "svg"}), or None without SITEURL or segno."""
    if not wants_qr(siteurl) or not card_pages or not qr_writer_installed():
        return None
    from markupsafe import Markup

    url = f"{siteurl.rstrip('/')}/{target_page(generator, card_pages).url}"
    return {"url": url, "svg": Markup(qr_svg(url))}
