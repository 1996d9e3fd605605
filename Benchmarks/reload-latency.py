#!/usr/bin/env python3
"""Edit-to-reload-event latency of `handbook serve`, and of `hugo server` on the same corpus.

Generates corpora with ../shared/bench/gen_corpus.py (1,000 and 10,000 articles by default),
starts each server on 127.0.0.1, edits one article's body N times (in place, as most editors
save), and times each edit from just before the write until the server tells the browser:

- handbook: the first `reload` Server-Sent Event on /_handbook/events that lists the edited
  page ("page"), and the event for the listing pages that follows ("listings": home,
  section pages, print page, search index);
- hugo: the livereload websocket's `reload` message on /livereload (fast-render mode, the
  default of `hugo server`).

Prints the median and 95th percentile of each. Loopback only; Python standard library only.

usage: Benchmarks/reload-latency.py [--sizes 1000 10000] [--edits 50] [--handbook PATH]
       [--no-hugo] [--keep]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCH = (ROOT / ".." / "shared" / "bench").resolve()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, values: list[float]) -> str:
    if not values:
        return f"{name}: no samples"
    return (f"{name}: median {statistics.median(values):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
            f"min {min(values):.1f}, max {max(values):.1f} (n={len(values)})")


class EventStream:
    """Reads Server-Sent Events from a socket on a thread; events() waits for the next one."""

    def __init__(self, port: int, path: str):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.events: list[tuple[float, str, str]] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.perf_counter()
            buffer += chunk
            # Chunked transfer framing lines are skipped: only "event:"/"data:" lines matter.
            while b"\n\n" in buffer:
                block, buffer = buffer.split(b"\n\n", 1)
                name, data = "message", ""
                for line in block.decode(errors="replace").splitlines():
                    if line.startswith("event: "):
                        name = line[7:]
                    elif line.startswith("data: "):
                        data = line[6:]
                if data:
                    with self.cond:
                        self.events.append((now, name, data))
                        self.cond.notify_all()

    def wait(self, start_index: int, predicate, timeout: float) -> tuple[float, int] | None:
        deadline = time.perf_counter() + timeout
        with self.cond:
            index = start_index
            while True:
                while index < len(self.events):
                    when, name, data = self.events[index]
                    index += 1
                    if predicate(name, data):
                        return when, index
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    return None
                self.cond.wait(remaining)


class LiveReloadSocket:
    """A minimal websocket client for Hugo's /livereload (text frames, server unmasked)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"no websocket upgrade: {head!r}")
        self.send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        self.messages: list[tuple[float, dict]] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def send(self, text: str):
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        else:
            header += bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _recv_exact(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise EOFError
            data += chunk
        return data

    def _read(self):
        try:
            while True:
                first, second = self._recv_exact(2)
                length = second & 0x7F
                if length == 126:
                    length = int.from_bytes(self._recv_exact(2), "big")
                elif length == 127:
                    length = int.from_bytes(self._recv_exact(8), "big")
                payload = self._recv_exact(length)
                now = time.perf_counter()
                if first & 0x0F == 0x1:
                    with self.cond:
                        self.messages.append((now, json.loads(payload)))
                        self.cond.notify_all()
        except (EOFError, OSError):
            return

    def wait_reload(self, start_index: int, timeout: float) -> tuple[float, int] | None:
        deadline = time.perf_counter() + timeout
        with self.cond:
            index = start_index
            while True:
                while index < len(self.messages):
                    when, message = self.messages[index]
                    index += 1
                    if message.get("command") == "reload":
                        return when, index
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    return None
                self.cond.wait(remaining)


def start(command: list[str], ready: re.Pattern, timeout: float, cwd=None) -> tuple[subprocess.Popen, list[str]]:
    """Starts a server and waits for a line of its output matching `ready`."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    found = threading.Event()

    def pump():
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if ready.search(line):
                found.set()

    threading.Thread(target=pump, daemon=True).start()
    if not found.wait(timeout):
        process.kill()
        raise RuntimeError(f"{command[0]} did not become ready:\n" + "\n".join(lines[-20:]))
    return process, lines


def stop(process: subprocess.Popen):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def edit(path: Path, original: str, index: int):
    # A new sentence in the first paragraph of the body: a body-only edit, as when typing.
    marker = f"Edit number {index} is here."
    body_start = original.index("\n---\n", 4) + 5
    path.write_text(original[:body_start] + "\n" + marker + "\n" + original[body_start:])


def article(corpus: Path) -> Path:
    candidates = sorted((corpus / "understanding").glob("*.md"))
    return next(p for p in candidates if p.name != "_index.md")


def bench_handbook(binary: Path, corpus: Path, edits: int) -> dict:
    port = free_port()
    process, lines = start([str(binary), "serve", "--port", str(port), "--content", str(corpus),
                            "--templates", str(ROOT / "Templates")], re.compile(r"^Built \d+ pages|^Build failed"), 900)
    try:
        if any(line.startswith("Build failed") for line in lines):
            raise RuntimeError("handbook build failed:\n" + "\n".join(lines[-30:]))
        startup = next(line for line in lines if line.startswith("Built "))
        stream = EventStream(port, "/_handbook/events")
        target = article(corpus)
        original = target.read_text()
        page = "understanding/" + target.stem + ".html"
        index = 0
        page_times, listing_times = [], []
        time.sleep(1.0)
        for number in range(edits):
            begin = time.perf_counter()
            edit(target, original, number)
            hit = stream.wait(index, lambda name, data: name == "reload" and f'"{page}"' in data, 60)
            if hit is None:
                raise RuntimeError("no reload event for the edited page")
            when, index = hit
            page_times.append((when - begin) * 1000)
            listings = stream.wait(index, lambda name, data: name == "reload" and "print.html" in data, 120)
            if listings is not None:
                when, index = listings
                listing_times.append((when - begin) * 1000)
            time.sleep(0.15)
        target.write_text(original)
        return {"startup": startup, "page": page_times, "listings": listing_times,
                "rebuild_lines": [l for l in lines if l.startswith(("Rebuilt", "Updated"))][-3:]}
    finally:
        stop(process)


def bench_hugo(corpus: Path, edits: int, work: Path) -> dict:
    site = work / "hugo-site"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(BENCH / "hugo_site", site)
    port = free_port()
    env = dict(os.environ, HUGO_CACHEDIR=str(work / "hugo-cache"))
    command = ["hugo", "server", "-s", str(site), "--contentDir", str(corpus), "--bind", "127.0.0.1",
               "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: list[str] = []
    ready = threading.Event()

    def pump():
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if "Web Server is available" in line:
                ready.set()

    threading.Thread(target=pump, daemon=True).start()
    try:
        if not ready.wait(900):
            raise RuntimeError("hugo server did not start:\n" + "\n".join(lines[-20:]))
        startup = next((l for l in lines if "Built in" in l), "")
        socket_ = LiveReloadSocket(port)
        target = article(corpus)
        original = target.read_text()
        index = 0
        times = []
        time.sleep(1.0)
        for number in range(edits):
            begin = time.perf_counter()
            edit(target, original, number)
            hit = socket_.wait_reload(index, 120)
            if hit is None:
                raise RuntimeError("no livereload message from hugo")
            when, index = hit
            times.append((when - begin) * 1000)
            time.sleep(0.3)
        target.write_text(original)
        totals = [float(m.group(1)) for l in lines for m in [re.search(r"Total in (\d+) ms", l)] if m]
        return {"startup": startup, "page": times, "hugo_total_ms": totals[-edits:]}
    finally:
        stop(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--handbook", type=Path, default=ROOT / ".build" / "release" / "handbook")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    args = parser.parse_args()
    if not args.handbook.exists():
        print(f"missing {args.handbook}: run `make release` first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="handbook-reload-bench."))
    try:
        for size in args.sizes:
            corpus = work / f"corpus-{size}" / "Content"
            subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), str(corpus), "--articles", str(size),
                            "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
            print(f"== {size} articles ({args.edits} edits of one article's body) ==", flush=True)
            result = bench_handbook(args.handbook, corpus, args.edits)
            print(f"handbook serve: {result['startup']}")
            print("  " + summary("edit -> reload event for the page", result["page"]))
            print("  " + summary("edit -> event for the listing pages", result["listings"]))
            for line in result["rebuild_lines"]:
                print(f"  last log: {line}")
            if not args.no_hugo:
                hugo = bench_hugo(corpus, args.edits, work)
                print(f"hugo server: {hugo['startup']}")
                print("  " + summary("edit -> livereload reload message", hugo["page"]))
                if hugo["hugo_total_ms"]:
                    print("  " + summary("hugo's own 'Total in' rebuild time", hugo["hugo_total_ms"]))
            sys.stdout.flush()
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
