"""A test web host that answers as real ones do: their cache headers, slow pages, failures.

GitHub Pages sends `Cache-Control: max-age=600`; a plain server sends
`Last-Modified` only, which lets a browser keep a page for a tenth of its age
without asking. Venue wifi can take seconds per page, or fail one file.
"""

from __future__ import annotations

import http.server
import os
import threading
import time
from pathlib import Path

# How old the files of a deploy look to the browser under `Last-Modified`
# alone: ten days, so the browser may keep them a day without asking (a tenth
# of their age), as it would a site deployed last week.
OLD = 10 * 24 * 3600


class Host:
    """Serve `folder` on 127.0.0.1 with a host's headers; change them between visits."""

    def __init__(self, folder: Path, headers: str = "last-modified"):
        self.folder = folder
        # "last-modified" (only that), or a Cache-Control value besides it:
        # "max-age=600" as GitHub Pages sends, "no-store" for a test that
        # changes the files and wants no cache in the way.
        self.headers = headers
        # Seconds before a page (.html) is answered: a slow network.
        self.page_delay = 0.0
        # Paths (from the root, no leading slash) answered 503: a failed download.
        self.failing: set[str] = set()
        self.requests: list[str] = []
        handler = type("Handler", (_Handler,), {"host": self})
        self.server = _QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def deployed(self, age: float = OLD) -> None:
        """Date every file of the folder `age` seconds back, as a deploy some time ago."""
        then = time.time() - age
        for path in self.folder.rglob("*"):
            os.utime(path, (then, then))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that drops a connection (a timed-out page) is no test failure.
        pass


class _Handler(http.server.SimpleHTTPRequestHandler):
    host: Host
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.host.folder), **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].lstrip("/")
        self.host.requests.append(path)
        if path in self.host.failing:
            self.send_error(503)
            return
        if path.endswith(".html") or path == "":
            time.sleep(self.host.page_delay)
        super().do_GET()

    def end_headers(self) -> None:
        if self.host.headers != "last-modified":
            self.send_header("Cache-Control", self.host.headers)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass
