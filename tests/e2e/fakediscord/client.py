"""Test-side helpers for a fake running in another process: `FakeDiscordClient` wraps the /_control API,
`FakeDiscordProcess` starts `python -m tests.e2e.fakediscord` and reads the URL it prints."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import aiohttp

REPO_ROOT = Path(__file__).resolve().parents[3]


class ControlError(RuntimeError):
    def __init__(self, status: int, body: Any) -> None:
        super().__init__(f"fake discord control call failed ({status}): {body}")
        self.status, self.body = status, body


class FakeDiscordClient:
    def __init__(self, base_url: str, *, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._own = session is None

    async def __aenter__(self) -> "FakeDiscordClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own and self._session is not None:
            await self._session.close()
            self._session = None

    async def _call(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None,
                    timeout: float = 30.0) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        query = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in (params or {}).items()
                 if v is not None}
        async with self._session.request(method, f"{self.base_url}/_control{path}", json=body, params=query,
                                         timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
            data = await resp.json(content_type=None)
            if resp.status == 408:
                raise asyncio.TimeoutError(data.get("error") if isinstance(data, dict) else data)
            if resp.status >= 400:
                raise ControlError(resp.status, data)
            return data

    # ----- general
    async def health(self) -> dict[str, Any]:
        return await self._call("GET", "/health")

    async def state(self) -> dict[str, Any]:
        return await self._call("GET", "/state")

    async def save(self, path: str | None = None) -> str:
        return (await self._call("POST", "/save", {"path": path} if path else {}))["path"]

    async def reset(self) -> None:
        await self._call("POST", "/reset", {})

    # ----- setup
    async def add_user(self, username: str, *, bot: bool = False, id: Any = None) -> dict[str, Any]:
        return await self._call("POST", "/users", {"username": username, "bot": bot, "id": id})

    async def guilds(self) -> list[dict[str, Any]]:
        return await self._call("GET", "/guilds")

    async def add_guild(self, name: str, **kw: Any) -> dict[str, Any]:
        """kw: id, owner_id, channels (names or dicts), everyone_permissions, bot_permissions."""
        return await self._call("POST", "/guilds", {"name": name, **kw})

    async def remove_guild(self, guild_id: Any) -> None:
        await self._call("DELETE", f"/guilds/{guild_id}")

    async def add_channel(self, guild_id: Any, name: str, **kw: Any) -> dict[str, Any]:
        return await self._call("POST", f"/guilds/{guild_id}/channels", {"name": name, **kw})

    async def add_role(self, guild_id: Any, name: str, permissions: int = 0) -> dict[str, Any]:
        return await self._call("POST", f"/guilds/{guild_id}/roles", {"name": name, "permissions": permissions})

    async def add_member(self, guild_id: Any, user_id: Any, roles: list[Any] = (), nick: str | None = None) -> dict:
        return await self._call("POST", f"/guilds/{guild_id}/members",
                                {"user_id": str(user_id), "roles": [str(r) for r in roles], "nick": nick})

    async def add_admin(self, guild_id: Any, username: str = "admin", **kw: Any) -> dict[str, Any]:
        return await self._call("POST", f"/guilds/{guild_id}/admins", {"username": username, **kw})

    async def add_plain_member(self, guild_id: Any, username: str = "member", **kw: Any) -> dict[str, Any]:
        return await self._call("POST", f"/guilds/{guild_id}/plain_members", {"username": username, **kw})

    async def remove_channel(self, channel_id: Any) -> None:
        await self._call("DELETE", f"/channels/{channel_id}")

    async def set_overwrite(self, channel_id: Any, target_id: Any, *, allow: int = 0, deny: int = 0,
                            kind: str = "role") -> dict[str, Any]:
        return await self._call("POST", f"/channels/{channel_id}/overwrites",
                                {"target_id": str(target_id), "allow": allow, "deny": deny, "kind": kind})

    async def set_channel_failure(self, channel_id: Any, mode: str | None, *, ops: Any = ("send",),
                                  count: int | None = None) -> None:
        await self._call("POST", f"/channels/{channel_id}/failure", {"mode": mode, "ops": list(ops), "count": count})

    # ----- messages and commands
    async def messages(self, channel_id: Any, *, include_ephemeral: bool = False,
                       include_deleted: bool = False) -> list[dict[str, Any]]:
        return await self._call("GET", f"/channels/{channel_id}/messages",
                                params={"include_ephemeral": include_ephemeral, "include_deleted": include_deleted})

    async def wait_messages(self, channel_id: Any, count: int = 1, timeout: float = 5.0, *,
                            include_ephemeral: bool = False) -> list[dict[str, Any]]:
        return await self._call("GET", f"/channels/{channel_id}/messages", timeout=timeout + 5, params={
            "wait_count": count, "timeout": timeout, "include_ephemeral": include_ephemeral})

    async def message(self, message_id: Any) -> dict[str, Any]:
        return await self._call("GET", f"/messages/{message_id}")

    async def user_message(self, channel_id: Any, user_id: Any, content: str) -> dict[str, Any]:
        return await self._call("POST", f"/channels/{channel_id}/user_messages",
                                {"user_id": str(user_id), "content": content})

    async def commands(self, guild_id: Any = None) -> list[dict[str, Any]]:
        return await self._call("GET", "/commands", params={"guild_id": guild_id})

    async def wait_commands(self, guild_id: Any = None, *, names: Any = (), timeout: float = 5.0) -> list[dict]:
        return await self._call("GET", "/commands", timeout=timeout + 5, params={
            "guild_id": guild_id, "wait": True, "wait_names": ",".join(names), "timeout": timeout})

    # ----- interactions
    async def slash(self, guild_id: Any, channel_id: Any, user_id: Any, command: str, /, **options: Any) -> int:
        data = await self._call("POST", "/interactions/slash", {
            "guild_id": str(guild_id), "channel_id": str(channel_id), "user_id": str(user_id), "command": command,
            "options": options})
        return int(data["interaction_id"])

    async def autocomplete(self, guild_id: Any, channel_id: Any, user_id: Any, command: str, focused: str, /,
                           **options: Any) -> int:
        data = await self._call("POST", "/interactions/autocomplete", {
            "guild_id": str(guild_id), "channel_id": str(channel_id), "user_id": str(user_id), "command": command,
            "focused": focused, "options": options})
        return int(data["interaction_id"])

    async def press_button(self, message_id: Any, custom_id: str, user_id: Any, /) -> int:
        data = await self._call("POST", "/interactions/button", {
            "message_id": str(message_id), "custom_id": custom_id, "user_id": str(user_id)})
        return int(data["interaction_id"])

    async def select(self, message_id: Any, custom_id: str, user_id: Any, values: list[str], /) -> int:
        data = await self._call("POST", "/interactions/select", {
            "message_id": str(message_id), "custom_id": custom_id, "user_id": str(user_id), "values": values})
        return int(data["interaction_id"])

    async def submit_modal(self, interaction_id: Any, values: dict[str, Any], user_id: Any = None) -> int:
        data = await self._call("POST", f"/interactions/{interaction_id}/modal_submit",
                                {"values": values, "user_id": None if user_id is None else str(user_id)})
        return int(data["interaction_id"])

    async def interaction(self, interaction_id: Any) -> dict[str, Any]:
        return await self._call("GET", f"/interactions/{interaction_id}")

    async def wait_response(self, interaction_id: Any, timeout: float = 5.0, *, final: bool = False) -> dict:
        return await self._call("GET", f"/interactions/{interaction_id}/response", timeout=timeout + 5,
                                params={"timeout": timeout, "final": final})

    # ----- rate limits, counters
    async def storm(self, route: str | None = None, *, count: int = 1, retry_after: float = 0.5,
                    is_global: bool = False, scope: str | None = None) -> None:
        await self._call("POST", "/ratelimit/storm", {"route": route, "count": count, "retry_after": retry_after,
                                                      "global": is_global, "scope": scope})

    async def set_rate_limit(self, *, limit: int | None = None, window: float | None = None) -> None:
        await self._call("POST", "/ratelimit/config", {"limit": limit, "window": window})

    async def clear_storms(self) -> None:
        await self._call("DELETE", "/ratelimit/storms")

    async def counters(self) -> dict[str, Any]:
        return await self._call("GET", "/counters")

    async def requests(self) -> list[dict[str, Any]]:
        return await self._call("GET", "/requests")

    # ----- gateway
    async def gateway(self) -> dict[str, Any]:
        return await self._call("GET", "/gateway")

    async def wait_gateway(self, event: str, count: int = 1, timeout: float = 10.0) -> int:
        data = await self._call("GET", "/gateway/wait", timeout=timeout + 5,
                                params={"event": event, "count": count, "timeout": timeout})
        return int(data["count"])

    async def close_gateway(self, code: int = 4000, reason: str = "", *, invalidate: bool = False) -> int:
        data = await self._call("POST", "/gateway/close", {"code": code, "reason": reason, "invalidate": invalidate})
        return data["connections"]

    async def reconnect_gateway(self) -> int:
        return (await self._call("POST", "/gateway/reconnect", {}))["connections"]

    async def invalidate_session(self, resumable: bool = False) -> int:
        return (await self._call("POST", "/gateway/invalidate", {"resumable": resumable}))["connections"]

    async def drop_gateway(self) -> int:
        return (await self._call("POST", "/gateway/drop", {}))["connections"]

    async def set_heartbeat(self, *, interval_ms: int | None = None, ack: bool | None = None) -> None:
        await self._call("POST", "/gateway/heartbeat", {"interval_ms": interval_ms, "ack": ack})


class FakeDiscordProcess:
    """`async with FakeDiscordProcess() as proc:` runs the fake as a child process; `proc.url`, `proc.client`."""

    def __init__(self, *, state_file: str | os.PathLike[str] | None = None, heartbeat_interval: int | None = None,
                 token: str | None = None, extra_args: list[str] = (), startup_timeout: float = 15.0) -> None:
        args = [sys.executable, "-m", "tests.e2e.fakediscord", "--port", "0"]
        if state_file:
            args += ["--state-file", str(state_file)]
        if heartbeat_interval is not None:
            args += ["--heartbeat-interval", str(heartbeat_interval)]
        if token is not None:
            args += ["--token", token]
        self.args = args + list(extra_args)
        self.startup_timeout = startup_timeout
        self.proc: asyncio.subprocess.Process | None = None
        self.url = ""
        self.client: FakeDiscordClient | None = None

    async def __aenter__(self) -> "FakeDiscordProcess":
        self.proc = await asyncio.create_subprocess_exec(*self.args, cwd=str(REPO_ROOT),
                                                         stdout=asyncio.subprocess.PIPE)
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), self.startup_timeout)
        self.url = line.decode().strip()
        if not self.url.startswith("http://"):
            await self.__aexit__()
            raise RuntimeError(f"fake discord did not start (printed {line!r})")
        self.client = FakeDiscordClient(self.url)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self.client is not None:
            await self.client.close()
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()  # SIGTERM: the fake saves its state file and exits
            try:
                await asyncio.wait_for(self.proc.wait(), 10)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()
