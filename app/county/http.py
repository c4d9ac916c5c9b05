"""The county's HTTP API (docs/sync-protocol.md §4) in front of a ``CountyStore``.

The standard library's ThreadingHTTPServer serves it. ``faults`` lets tests
make the real server misbehave the way networks and servers do (drop the
answer after storing, answer 500, be slow); it is not reachable from the
command line.
"""

from __future__ import annotations

import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from app.county.store import CountyStore, Refusal

MAX_BODY = 256 * 1024 * 1024


_BATCH = re.compile(r"^/v1/devices/([0-9A-Za-z-]{1,64})/batches/(\d{1,9})(/receipt)?$")
_DEVICE = re.compile(r"^/v1/devices/([0-9A-Za-z-]{1,64})$")
_PACKAGE = re.compile(r"^/v1/downlink/(\d{1,9})$")


class Handler(BaseHTTPRequestHandler):
    server: "CountyServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet unless asked
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, obj: Any) -> None:
        self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    def _error(self, exc: Refusal) -> None:
        self._json(exc.status, {"error": exc.code, "message": exc.message})

    def _crash(self) -> None:
        """500 with the protocol's error body; the traceback goes to the server's log."""
        import traceback

        traceback.print_exc(file=sys.stderr)
        self.close_connection = True
        self._error(Refusal(500, "server_error", "the county server failed; try again later"))

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise Refusal(413, "too_large", "the body is larger than the county accepts")
        return self.rfile.read(length)

    def _fault(self, name: str) -> bool:
        faults = self.server.faults
        if faults.get(name, 0) > 0:
            faults[name] -= 1
            return True
        return False

    def do_GET(self) -> None:  # noqa: N802
        store = self.server.store
        url = urlparse(self.path)
        try:
            if self._fault("error_500"):
                raise Refusal(500, "server_error", "injected server error")
            if url.path == "/v1/county":
                return self._json(200, store.info())
            if m := _DEVICE.match(url.path):
                return self._json(200, store.device_state(m.group(1)))
            if (m := _BATCH.match(url.path)) and m.group(3):
                # A receipt can carry the county's data of a record in conflict.
                if store.check_request("GET", url.path, self.headers) != m.group(1):
                    raise Refusal(403, "other_device", "a device reads only its own receipts")
                return self._send(200, store.receipt(m.group(1), int(m.group(2))),
                                  "application/x-credit-desk-receipt")
            if url.path == "/v1/downlink":
                after = int((parse_qs(url.query).get("after") or ["0"])[0])
                return self._json(200, {"packages": store.downlink_after(after)})
            if m := _PACKAGE.match(url.path):
                store.check_request("GET", url.path, self.headers)  # lists name people
                return self._send(200, store.downlink(int(m.group(1))),
                                  "application/x-credit-desk-downlink")
            raise Refusal(404, "not_found", "no such resource")
        except Refusal as exc:
            self._error(exc)
        except ValueError:
            self._error(Refusal(400, "bad_request", "bad query"))
        except Exception:  # noqa: BLE001 - a bug or a database down: say so, keep serving
            self._crash()

    def do_POST(self) -> None:  # noqa: N802
        try:
            if urlparse(self.path).path != "/v1/devices":
                raise Refusal(404, "not_found", "no such resource")
            try:
                body = json.loads(self._body().decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise Refusal(400, "malformed_enrolment", "the body is not JSON") from None
            status, answer = self.server.store.enrol(body if isinstance(body, dict) else {})
            self._json(status, answer)
        except Refusal as exc:
            self._error(exc)
        except Exception:  # noqa: BLE001
            self._crash()

    def do_PUT(self) -> None:  # noqa: N802
        try:
            m = _BATCH.match(urlparse(self.path).path)
            if not m or m.group(3):
                raise Refusal(404, "not_found", "no such resource")
            data = self._body()
            if self._fault("error_500"):
                raise Refusal(500, "server_error", "injected server error")
            receipt, duplicate = self.server.store.take_batch(m.group(1), int(m.group(2)), data)
            if self._fault("drop_after_store"):
                # The batch is stored but the answer never arrives.
                self.close_connection = True
                self.connection.shutdown(2)
                return
            delay = self.server.faults.get("delay_after_store", 0)
            if delay:
                time.sleep(delay)
            self._send(200, receipt, "application/x-credit-desk-receipt",
                       {"X-Credit-Desk-Duplicate": "1" if duplicate else "0"})
        except Refusal as exc:
            self._error(exc)
        except (BrokenPipeError, ConnectionResetError):
            raise
        except Exception:  # noqa: BLE001
            self._crash()


class CountyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store: CountyStore, verbose: bool = False):
        super().__init__(address, Handler)
        self.store = store
        self.verbose = verbose
        self.faults: dict[str, Any] = {}

    def handle_error(self, request, client_address) -> None:
        # A client that hung up (timeout, killed) is normal here: it will send again.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def make_server(data_dir: str | Path, *, port: int = 0, host: str = "127.0.0.1",
                auto_enroll: bool = False, verbose: bool = False, **kw) -> CountyServer:
    """A county server; ``kw`` goes to ``CountyStore`` (e.g. ``database_url``)."""
    store = CountyStore(data_dir, auto_enroll=auto_enroll, **kw)
    return CountyServer((host, port), store, verbose=verbose)
