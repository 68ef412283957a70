"""
Open every page of the built site in headless Chromium (``make docs-check``).

The site (``site/``, built by ``make docs``) is served on a free port of 127.0.0.1; each page is
loaded in Chromium, driven through the Chrome DevTools Protocol over a pipe
(``--remote-debugging-pipe``: no port, no WebSocket library). A page fails when it logs an error
to the console, throws, loads anything from another host, or when one of its Mermaid diagrams
is not drawn as an SVG. Exit status 0 when every page passes, 1 otherwise, 2 without Chromium
or a built site.
"""

import argparse
import contextlib
import functools
import http.server
import itertools
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["Browser", "check_page", "main", "serving"]

ROOT = Path(__file__).resolve().parents[1]
#: How long a page may take to load and draw its diagrams.
TIMEOUT = 30.0
#: Chromium's flags: headless, as root in a container, nothing fetched for the browser itself.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
)
# What the page reports about its diagrams: the theme replaces each <pre class="mermaid"> by a
# <div class="mermaid"> holding the SVG in a closed shadow root (read through DOM.getDocument).
_PENDING = "document.querySelectorAll('pre.mermaid').length"


class BrowserError(RuntimeError):
    """Chromium stopped, or did not answer in time."""


class Browser:
    """A headless Chromium, driven through the DevTools Protocol on file descriptors 3 and 4."""

    def __init__(self, binary: str, profile: Path) -> None:
        commands, self._to_browser = os.pipe()  # Chromium reads its commands on fd 3
        self._from_browser, answers = os.pipe()  # and writes its answers and events on fd 4

        def arrange_pipes() -> None:  # in the child, before exec
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=arrange_pipes,  # only dup2, which is safe beside threads
        )
        os.close(commands)
        os.close(answers)
        self._ids = itertools.count(1)
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        with open(self._from_browser, "rb", buffering=0) as pipe:
            while chunk := pipe.read(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._messages.put(json.loads(message))
        self._messages.put(None)  # the browser closed its end

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._next(deadline)
            if answer.get("id") == number:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait(self, seconds: float) -> None:
        """Collect the events of the next *seconds*."""
        deadline = time.monotonic() + seconds
        with contextlib.suppress(TimeoutError):
            while True:
                self.events.append(self._next(deadline))

    def _next(self, deadline: float) -> dict[str, Any]:
        try:
            message = self._messages.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError from None
        if message is None:
            raise BrowserError("Chromium stopped")
        return message

    def close(self) -> None:
        """End Chromium."""
        with contextlib.suppress(OSError, BrowserError, TimeoutError):
            self.call("Browser.close")
        os.close(self._to_browser)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _problems(events: list[dict[str, Any]], origin: str, session: str) -> Iterator[str]:
    """The console errors, exceptions and requests to other hosts among *events*."""
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            yield f"console {params['type']}: {text}"
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            thrown = details.get("exception", {}).get("description", details["text"])
            yield f"exception: {thrown.splitlines()[0]}"
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            yield f"console error: {entry['text']} {entry.get('url', '')}".rstrip()
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith((origin, "data:", "blob:", "about:")):
                yield f"loads from elsewhere: {url}"


def _drawn_diagrams(browser: Browser, session: str) -> int:
    """How many diagram hosts hold an SVG (shadow roots included)."""
    root = browser.call("DOM.getDocument", session, depth=-1, pierce=True)["root"]
    drawn = 0
    stack = [root]
    while stack:
        node = stack.pop()
        attributes = node.get("attributes", [])
        classes = dict(zip(attributes[::2], attributes[1::2], strict=True)).get("class", "")
        if node.get("nodeName") == "DIV" and "mermaid" in classes.split():
            inside = [*node.get("shadowRoots", []), *node.get("children", [])]
            drawn += any(_has_svg(child) for child in inside)
        stack += node.get("children", []) + node.get("shadowRoots", [])
    return drawn


def _has_svg(node: dict[str, Any]) -> bool:
    if node.get("nodeName", "").lower() == "svg":
        return True
    return any(_has_svg(child) for child in node.get("children", []))


def check_page(
    browser: Browser, url: str, origin: str, diagrams: int, *, timeout: float = TIMEOUT
) -> list[str]:
    """The problems of the page at *url*, which should draw *diagrams* Mermaid diagrams."""
    target = browser.call("Target.createTarget", url="about:blank")["targetId"]
    session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Runtime", "Log", "Page", "Network", "DOM"):
        browser.call(f"{domain}.enable", session)
    first = len(browser.events)
    browser.call("Page.navigate", session, url=url)
    deadline = time.monotonic() + timeout
    drawn = pending = 0
    while time.monotonic() < deadline:
        loaded = any(
            e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session
            for e in browser.events[first:]
        )
        if loaded:
            pending = browser.call("Runtime.evaluate", session, expression=_PENDING)["result"]
            drawn = _drawn_diagrams(browser, session) if diagrams else 0
            if drawn >= diagrams and pending.get("value") == 0:
                break
        browser.wait(0.2)
    browser.wait(0.3)  # errors logged just after the last diagram
    problems = list(dict.fromkeys(_problems(browser.events[first:], origin, session)))
    if drawn < diagrams:
        problems.append(f"{diagrams - drawn} of {diagrams} Mermaid diagram(s) not drawn")
    browser.call("Target.closeTarget", targetId=target)
    return problems


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve *site* on a free port of 127.0.0.1; yields the origin."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
            pass

    handler = functools.partial(Quiet, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join()


def main(argv: list[str] | None = None) -> int:
    """Check every page of the built site; print one line per page with problems."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args(argv)
    pages = sorted(args.site.rglob("*.html"))
    if not pages:
        sys.stderr.write(f"no pages in {args.site}: run `make docs` first\n")
        return 2
    if shutil.which(args.chromium) is None:
        sys.stderr.write(f"{args.chromium} not found: apt-get install -y chromium\n")
        return 2
    start = time.perf_counter()
    failed = diagrams_seen = 0
    with tempfile.TemporaryDirectory() as profile, serving(args.site) as origin:
        browser = Browser(args.chromium, Path(profile))
        try:
            for page in pages:
                relative = page.relative_to(args.site).as_posix()
                diagrams = page.read_text(encoding="utf-8").count('<pre class="mermaid">')
                problems = check_page(browser, origin + relative, origin, diagrams)
                diagrams_seen += diagrams
                for problem in problems:
                    sys.stdout.write(f"{relative}: {problem}\n")
                failed += bool(problems)
        finally:
            browser.close()
    seconds = time.perf_counter() - start
    sys.stdout.write(
        f"{len(pages)} pages, {diagrams_seen} diagrams, {failed} page(s) with problems"
        f" ({seconds:.1f} s)\n"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
