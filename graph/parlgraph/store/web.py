"""HTTP for SPARQL endpoints and Graph Store Protocol servers, with the standard library.

Credentials go into headers only: error messages name the URL without any user-info and never
repeat a password or token.
"""
from __future__ import annotations

import base64
import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit


class EndpointError(Exception):
    """A request that failed; ``str()`` is one line: the URL and what went wrong."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Credentials:
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode("utf-8")
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    content_type: str
    body: bytes


def split_credentials(url: str, given: Credentials) -> tuple[str, Credentials]:
    """Move ``user:password@`` out of a URL; options and environment take precedence over it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{redact(url)}: not an http(s) URL")
    if parts.username is None:
        return url, given
    netloc = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    if ":" in parts.hostname:
        netloc = f"[{parts.hostname}]" + ("" if parts.port is None else f":{parts.port}")
    clean = urlunsplit(parts._replace(netloc=netloc))
    if given.user is not None or given.token:
        return clean, given
    return clean, Credentials(parts.username, parts.password, None)


def redact(url: str) -> str:
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="…@" + parts.netloc.rsplit("@", 1)[1]))


def request(
    method: str,
    url: str,
    credentials: Credentials,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Response:
    """One HTTP request; a connection the server drops before answering is tried once more.

    Every request parlgraph makes is safe to repeat (a query, a PUT or DELETE of a whole graph),
    and a busy server (Oxigraph under load) now and then resets a connection it has accepted.
    """
    try:
        return _request_once(method, url, credentials, data, headers, timeout)
    except _Dropped:
        pass
    try:
        return _request_once(method, url, credentials, data, headers, timeout)
    except _Dropped as dropped:
        raise EndpointError(f"{redact(url).split('?', 1)[0]}: connection failed ({_reason(dropped.cause)})") from None


class _Dropped(Exception):
    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


DROPPED = (ConnectionResetError, ConnectionAbortedError, http.client.RemoteDisconnected)


def _request_once(
    method: str, url: str, credentials: Credentials, data: bytes | None, headers: dict[str, str] | None, timeout: float
) -> Response:
    req = urllib.request.Request(url, data=data, method=method, headers={**(headers or {}), **credentials.headers()})
    shown = redact(url).split("?", 1)[0]
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Response(resp.status, resp.headers.get_content_type(), resp.read())
    except urllib.error.HTTPError as err:
        raise EndpointError(f"{shown}: {_http_problem(err)}", err.code) from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, DROPPED):
            raise _Dropped(err.reason) from None
        raise EndpointError(f"{shown}: cannot reach the endpoint ({_reason(err.reason)})") from None
    except DROPPED as err:
        raise _Dropped(err) from None
    except (TimeoutError, socket.timeout):
        raise EndpointError(f"{shown}: no answer within {timeout:g} s") from None
    except (ConnectionError, OSError) as err:
        raise EndpointError(f"{shown}: connection failed ({_reason(err)})") from None


def _http_problem(err: urllib.error.HTTPError) -> str:
    detail = " ".join(err.read(400).decode("utf-8", "replace").split())[:200]
    if err.code == 401:
        return f"HTTP 401 {err.reason}: credentials missing or rejected"
    if err.code == 403:
        detail = f"{detail} (" if detail else "("
        return f"HTTP 403 {err.reason}: {detail}credentials rejected or no write access)"
    return f"HTTP {err.code} {err.reason}" + (f": {detail}" if detail else "")


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
