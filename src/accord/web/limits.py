"""A limit on request bodies: a larger one is answered 413 with a JSON message, whether it
declares its length or streams it (the body is read, and counted, before the app runs)."""

from __future__ import annotations

import json
from typing import Any

MAX_BODY = 4 * 1024 * 1024


class BodyLimit:
    """ASGI middleware: bodies over ``limit`` bytes end in 413 and never reach the app."""

    def __init__(self, app: Any, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                await self._refuse(send)
                return
        body, given = b"".join(chunks), False

        async def replay() -> Any:
            nonlocal given
            if given:
                return await receive()  # a disconnect, after the body
            given = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps({
            "error": f"the request body is larger than {self.limit} bytes",
            "problems": [["body", f"at most {self.limit} bytes are accepted"]],
        }).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
