"""The HTTP client python-telegram-bot talks to the Bot API through: aiohttp instead of PTB's default httpx.

Why: a Bot API call through PTB's ``HTTPXRequest`` costs about 1.4 ms of CPU (httpx, httpcore and anyio per
request, and a failed ``import sniffio`` on every call), the same call through aiohttp about 0.45 ms
(measured against the fake Bot API, 3,000 ``sendMessage`` calls, 100 at once). Every webhook update ends in
one such call, so this was the largest single cost of answering (see the README's webhook benchmark).
aiohttp is already a dependency (slack-bolt runs on it).

The contract is PTB's ``BaseRequest.do_request``: return the status and the body, let PTB turn them into
results or errors; a timeout raises ``TimedOut``, any other transport failure ``NetworkError``, with the
exception's class and message but never the URL (it holds the bot token). Timeouts keep PTB's meaning:
``connect`` (new connection), ``pool`` (waiting for a free one), ``read`` (between bytes of the answer) and
``write`` (the whole call may take connect + pool + write + read). Proxies come from HTTPS_PROXY and friends,
as with httpx, looked up once per host: aiohttp's ``trust_env`` would look them up, and read ~/.netrc, in a
thread on every call, which cost more than the rest of the call.
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.request

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput, UploadFileDict
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)

POOL_SIZE = 256  # PTB's own default for the bot's requests
CONNECT_S = 5.0
READ_S = 5.0
WRITE_S = 5.0
POOL_S = 1.0
MEDIA_WRITE_S = 20.0  # uploads (charts)


def _seconds(value: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(value, DefaultValue) else value


class AiohttpRequest(BaseRequest):
    """``Application.builder().request(AiohttpRequest())``; one aiohttp session, opened by ``initialize``."""

    __slots__ = ("_connect", "_pool", "_proxies", "_read", "_session", "_size", "_write")

    def __init__(
        self,
        pool_size: int = POOL_SIZE,
        connect_timeout: float | None = CONNECT_S,
        read_timeout: float | None = READ_S,
        write_timeout: float | None = WRITE_S,
        pool_timeout: float | None = POOL_S,
    ) -> None:
        self._size = pool_size
        self._connect, self._read, self._write, self._pool = connect_timeout, read_timeout, write_timeout, pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._size)
            self._session = aiohttp.ClientSession(connector=connector)
            self._proxies.clear()

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data and request_data.contains_files else None
        write_default = MEDIA_WRITE_S if files else self._write
        read, write = _seconds(read_timeout, self._read), _seconds(write_timeout, write_default)
        connect, pool = _seconds(connect_timeout, self._connect), _seconds(pool_timeout, self._pool)
        timeout = aiohttp.ClientTimeout(
            total=_sum(connect, pool, write, read),
            connect=_sum(connect, pool),  # aiohttp's connect: a free connection from the pool, or a new one
            sock_connect=connect,
            sock_read=read,
        )
        body = _body(request_data, files)
        try:
            async with self._session.request(
                method, url, data=body, headers={"User-Agent": self.USER_AGENT}, timeout=timeout, proxy=self._proxy(url)
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are asyncio (= builtin) TimeoutErrors
            raise TimedOut(f"aiohttp: {type(error).__name__}") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {_without_url(error, url)}") from error

    def _proxy(self, url: str) -> str | None:
        """The proxy from the environment for this URL's scheme and host (NO_PROXY respected), or None."""
        parts = urllib.parse.urlsplit(url)
        key = (parts.scheme, parts.netloc)
        if key not in self._proxies:
            proxy = urllib.request.getproxies().get(parts.scheme)
            bypass = parts.hostname is not None and urllib.request.proxy_bypass(parts.hostname)
            self._proxies[key] = None if bypass else proxy
        return self._proxies[key]


def _sum(*parts: float | None) -> float | None:
    """The sum, or None (no limit) when any part has none."""
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


def _body(request_data: RequestData | None, files: UploadFileDict | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form fields as PTB encodes them (JSON values); multipart when files go along."""
    if request_data is None:
        return None
    fields = request_data.json_parameters
    if not files:
        return fields
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form


def _without_url(error: Exception, url: str) -> str:
    """The message with the request's URL (and so the token) taken out."""
    text = str(error)
    return text.replace(url, "<bot api url>") if url else text
