"""Registered application commands (global and per guild), kept like Discord keeps them."""

from __future__ import annotations

from typing import Any

from .util import Snowflakes

CHAT_INPUT = 1
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2


class CommandStore:
    def __init__(self, ids: Snowflakes, application_id: int) -> None:
        self.ids = ids
        self.application_id = application_id
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.puts: list[dict[str, Any]] = []  # every bulk overwrite received: {"guild_id", "names"}

    def _normalise(self, data: dict[str, Any], guild_id: int | None, old: dict[str, Any] | None) -> dict[str, Any]:
        cmd = dict(data)
        cmd["id"] = old["id"] if old else str(self.ids.next())
        cmd["application_id"] = str(self.application_id)
        cmd["version"] = str(self.ids.next())
        cmd.setdefault("type", CHAT_INPUT)
        cmd.setdefault("description", "")
        cmd.setdefault("default_member_permissions", None)
        cmd.setdefault("nsfw", False)
        cmd.setdefault("contexts", None)
        cmd.setdefault("integration_types", [0])
        if guild_id is not None:
            cmd["guild_id"] = str(guild_id)
        else:
            cmd.setdefault("dm_permission", True)
        if cmd.get("default_member_permissions") is not None:
            cmd["default_member_permissions"] = str(cmd["default_member_permissions"])
        return cmd

    def _list(self, guild_id: int | None) -> list[dict[str, Any]]:
        if guild_id is None:
            return self.global_commands
        return self.guild_commands.setdefault(int(guild_id), [])

    def bulk_overwrite(self, guild_id: int | None, commands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """PUT semantics: the list replaces everything; a command keeping its name and type keeps its id."""
        current = {(c["name"], c.get("type", 1)): c for c in self._list(guild_id)}
        new = [self._normalise(c, guild_id, current.get((c["name"], c.get("type", 1)))) for c in commands]
        if guild_id is None:
            self.global_commands = new
        else:
            self.guild_commands[int(guild_id)] = new
        self.puts.append({"guild_id": None if guild_id is None else str(guild_id), "names": [c["name"] for c in new]})
        return new

    def upsert(self, guild_id: int | None, data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        cmds = self._list(guild_id)
        for i, c in enumerate(cmds):
            if c["name"] == data["name"] and c.get("type", 1) == data.get("type", 1):
                cmds[i] = self._normalise(data, guild_id, c)
                return cmds[i], False
        cmd = self._normalise(data, guild_id, None)
        cmds.append(cmd)
        return cmd, True

    def get(self, guild_id: int | None, command_id: int) -> dict[str, Any] | None:
        for c in self._list(guild_id):
            if int(c["id"]) == int(command_id):
                return c
        return None

    def edit(self, guild_id: int | None, command_id: int, data: dict[str, Any]) -> dict[str, Any] | None:
        cmd = self.get(guild_id, command_id)
        if cmd is None:
            return None
        cmds = self._list(guild_id)
        new = self._normalise({**cmd, **data}, guild_id, cmd)
        cmds[cmds.index(cmd)] = new
        return new

    def delete(self, guild_id: int | None, command_id: int) -> bool:
        cmd = self.get(guild_id, command_id)
        if cmd is None:
            return False
        self._list(guild_id).remove(cmd)
        return True

    def listing(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        return list(self._list(guild_id))

    def find(self, guild_id: int | None, name: str, kind: int = CHAT_INPUT) -> dict[str, Any] | None:
        """The command a user in `guild_id` would run: guild commands first, then global ones."""
        lists = ([self.guild_commands.get(int(guild_id), [])] if guild_id is not None else []) + [self.global_commands]
        for cmds in lists:
            for c in cmds:
                if c["name"] == name and c.get("type", 1) == kind:
                    return c
        return None

    def resolve(self, guild_id: int | None, path: str) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
        """Resolve "feed add" to (root command, [subcommand names], option definitions of the leaf)."""
        parts = path.split()
        if not parts:
            raise ValueError("empty command path")
        root = self.find(guild_id, parts[0])
        if root is None:
            known = sorted({c["name"] for c in self.global_commands + self.guild_commands.get(int(guild_id or 0), [])})
            raise ValueError(f"command {parts[0]!r} is not registered for guild {guild_id} (registered: {known})")
        options = root.get("options") or []
        chain: list[str] = []
        for name in parts[1:]:
            sub = next((o for o in options if o["name"] == name and o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)),
                       None)
            if sub is None:
                subs = [o["name"] for o in options if o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)]
                raise ValueError(f"{' '.join([parts[0], *chain])!r} has no subcommand {name!r} (has: {subs})")
            chain.append(name)
            options = sub.get("options") or []
        if any(o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in options):
            subs = [o["name"] for o in options]
            raise ValueError(f"{path!r} is a group; name one of its subcommands: {subs}")
        return root, chain, options

    def dump(self) -> dict[str, Any]:
        return {"global": self.global_commands, "guilds": {str(k): v for k, v in self.guild_commands.items()}}

    def load(self, data: dict[str, Any]) -> None:
        self.global_commands = list(data.get("global", []))
        self.guild_commands = {int(k): list(v) for k, v in data.get("guilds", {}).items()}
        for c in self.global_commands + [c for v in self.guild_commands.values() for c in v]:
            self.ids.bump(int(c["id"]))
