"""The world the fake serves: users, guilds, roles, channels, members; their Discord payloads and permissions.

Mutations after the bot has connected are reported through `World.on_event(name, payload)` (the gateway
turns them into GUILD_CREATE / CHANNEL_CREATE / GUILD_MEMBER_ADD ... dispatches).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from .util import (DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, P, Snowflakes, iso_now, opt_id,
                   to_id)

TEXT, VOICE, CATEGORY, ANNOUNCEMENT, STAGE, FORUM = 0, 2, 4, 5, 13, 15


@dataclass
class User:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None

    def payload(self) -> dict[str, Any]:
        return {"id": str(self.id), "username": self.username, "discriminator": "0", "global_name": self.global_name,
                "avatar": None, "bot": self.bot, "public_flags": 0, "flags": 0}


@dataclass
class Role:
    id: int
    guild_id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    bot_id: int | None = None

    def payload(self) -> dict[str, Any]:
        data = {"id": str(self.id), "name": self.name, "permissions": str(self.permissions), "position": self.position,
                "color": 0, "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                "hoist": False, "icon": None, "unicode_emoji": None, "managed": self.managed, "mentionable": False,
                "flags": 0}
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass
class Channel:
    id: int
    guild_id: int
    name: str
    type: int = TEXT
    position: int = 0
    parent_id: int | None = None
    topic: str | None = None
    overwrites: list[dict[str, Any]] = field(default_factory=list)
    # Failure simulation: {"mode": "missing_access" | "missing_permissions" | "unknown_channel" | "server_error",
    # "ops": ["send", "edit", "read"], "count": None (forever) or how many more requests fail}
    failure: dict[str, Any] | None = None

    def payload(self) -> dict[str, Any]:
        data = {"id": str(self.id), "guild_id": str(self.guild_id), "name": self.name, "type": self.type,
                "position": self.position, "parent_id": None if self.parent_id is None else str(self.parent_id),
                "topic": self.topic, "nsfw": False, "rate_limit_per_user": 0, "last_message_id": None, "flags": 0,
                "permission_overwrites": [dict(o) for o in self.overwrites]}
        if self.type in (VOICE, STAGE):  # discord.py reads these two keys unconditionally for voice channels
            data.update(bitrate=64000, user_limit=0, rtc_region=None, video_quality_mode=1)
        return data


@dataclass
class Member:
    user_id: int
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=iso_now)


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)


class World:
    def __init__(self, ids: Snowflakes, *, application_id: int | None = None, bot_name: str = "Sitrep") -> None:
        self.ids = ids
        self.users: dict[int, User] = {}
        self.guilds: dict[int, Guild] = {}
        self.on_event: Callable[[str, dict[str, Any]], None] = lambda name, payload: None
        app_id = application_id or ids.next()
        self.application_id = app_id
        self.bot = self.add_user(bot_name, bot=True, id=app_id)
        self.owner = self.add_user("guild-owner")

    # ----- lookups
    def user(self, user: Any) -> User:
        try:
            return self.users[to_id(user)]
        except KeyError:
            raise KeyError(f"unknown user {user!r}") from None

    def guild(self, guild: Any) -> Guild:
        try:
            return self.guilds[to_id(guild)]
        except KeyError:
            raise KeyError(f"unknown guild {guild!r}") from None

    def channel(self, channel_id: Any) -> Channel | None:
        cid = to_id(channel_id)
        for guild in self.guilds.values():
            if cid in guild.channels:
                return guild.channels[cid]
        return None

    def role(self, role_id: Any) -> Role | None:
        rid = to_id(role_id)
        for guild in self.guilds.values():
            if rid in guild.roles:
                return guild.roles[rid]
        return None

    # ----- setup
    def add_user(self, username: str, *, bot: bool = False, id: Any = None, global_name: str | None = None) -> User:
        uid = opt_id(id) or self.ids.next()
        self.ids.bump(uid)
        user = User(uid, username, bot, global_name)
        self.users[uid] = user
        return user

    def add_guild(self, name: str, *, id: Any = None, owner_id: Any = None, channels: Any = ("general",),
                  everyone_permissions: int = DEFAULT_EVERYONE_PERMISSIONS,
                  bot_permissions: int = DEFAULT_BOT_PERMISSIONS) -> Guild:
        gid = opt_id(id) or self.ids.next()
        self.ids.bump(gid)
        owner = self.user(owner_id) if owner_id is not None else self.owner
        guild = Guild(gid, name, owner.id)
        guild.roles[gid] = Role(gid, gid, "@everyone", everyone_permissions)
        bot_role = Role(self.ids.next(), gid, self.bot.username, bot_permissions, position=1, managed=True,
                        bot_id=self.bot.id)
        guild.roles[bot_role.id] = bot_role
        guild.members[owner.id] = Member(owner.id)
        guild.members[self.bot.id] = Member(self.bot.id, [bot_role.id])
        self.guilds[gid] = guild
        for position, channel in enumerate(channels):
            spec = {"name": channel} if isinstance(channel, str) else dict(channel)
            self._make_channel(guild, position=spec.pop("position", position), **spec)
        joined = self.guild_payload(guild)
        del joined["unavailable"]  # a guild joined after READY: discord.py then fires on_guild_join
        self.on_event("GUILD_CREATE", joined)
        return guild

    def add_channel(self, guild_id: Any, name: str, *, type: int = TEXT, id: Any = None, position: int | None = None,
                    parent_id: Any = None, topic: str | None = None,
                    overwrites: list[dict[str, Any]] | None = None) -> Channel:
        guild = self.guild(guild_id)
        channel = self._make_channel(guild, name=name, type=type, id=id, position=position, parent_id=parent_id,
                                     topic=topic, overwrites=overwrites)
        self.on_event("CHANNEL_CREATE", channel.payload())
        return channel

    def _make_channel(self, guild: Guild, *, name: str, type: int = TEXT, id: Any = None,
                      position: int | None = None, parent_id: Any = None, topic: str | None = None,
                      overwrites: list[dict[str, Any]] | None = None) -> Channel:
        cid = opt_id(id) or self.ids.next()
        self.ids.bump(cid)
        if position is None:
            position = len(guild.channels)
        channel = Channel(cid, guild.id, name, type, position, opt_id(parent_id), topic,
                          [_overwrite(o) for o in overwrites or []])
        guild.channels[cid] = channel
        return channel

    def add_role(self, guild_id: Any, name: str, permissions: int = 0, *, id: Any = None) -> Role:
        guild = self.guild(guild_id)
        rid = opt_id(id) or self.ids.next()
        self.ids.bump(rid)
        role = Role(rid, guild.id, name, int(permissions), position=len(guild.roles))
        guild.roles[rid] = role
        self.on_event("GUILD_ROLE_CREATE", {"guild_id": str(guild.id), "role": role.payload()})
        return role

    def add_member(self, guild_id: Any, user: Any, roles: Any = (), nick: str | None = None) -> Member:
        guild = self.guild(guild_id)
        uid = self.user(user).id
        role_ids = [to_id(r) for r in roles]
        for rid in role_ids:
            if rid not in guild.roles:
                raise KeyError(f"role {rid} is not in guild {guild.id}")
        member = Member(uid, role_ids, nick)
        guild.members[uid] = member
        self.on_event("GUILD_MEMBER_ADD", {"guild_id": str(guild.id), **self.member_payload(guild, uid)})
        return member

    def ensure_role(self, guild_id: Any, name: str, permissions: int) -> Role:
        guild = self.guild(guild_id)
        for role in guild.roles.values():
            if role.name == name:
                return role
        return self.add_role(guild.id, name, permissions)

    def add_admin(self, guild_id: Any, username: str = "admin", *, user: Any = None,
                  permissions: int = P.MANAGE_GUILD) -> User:
        """A member holding a role with Manage Server (or the given permissions)."""
        role = self.ensure_role(guild_id, "Admin", permissions)
        account = self.user(user) if user is not None else self.add_user(username)
        self.add_member(guild_id, account.id, [role.id])
        return account

    def add_plain_member(self, guild_id: Any, username: str = "member", *, user: Any = None) -> User:
        account = self.user(user) if user is not None else self.add_user(username)
        self.add_member(guild_id, account.id, [])
        return account

    def set_overwrite(self, channel_id: Any, target: Any, *, allow: int = 0, deny: int = 0,
                      kind: str = "role") -> Channel:
        channel = self._need_channel(channel_id)
        tid = to_id(target)
        channel.overwrites = [o for o in channel.overwrites if int(o["id"]) != tid]
        if allow or deny:
            channel.overwrites.append(_overwrite({"id": tid, "type": 1 if kind == "member" else 0,
                                                  "allow": allow, "deny": deny}))
        self.on_event("CHANNEL_UPDATE", channel.payload())
        return channel

    def set_role_permissions(self, role_id: Any, permissions: int) -> Role:
        role = self.role(role_id)
        if role is None:
            raise KeyError(f"unknown role {role_id!r}")
        role.permissions = int(permissions)
        self.on_event("GUILD_ROLE_UPDATE", {"guild_id": str(role.guild_id), "role": role.payload()})
        return role

    def remove_channel(self, channel_id: Any) -> None:
        channel = self._need_channel(channel_id)
        del self.guilds[channel.guild_id].channels[channel.id]
        self.on_event("CHANNEL_DELETE", channel.payload())

    def remove_guild(self, guild_id: Any) -> None:
        guild = self.guilds.pop(to_id(guild_id))
        self.on_event("GUILD_DELETE", {"id": str(guild.id), "unavailable": False})

    def _need_channel(self, channel_id: Any) -> Channel:
        channel = self.channel(channel_id)
        if channel is None:
            raise KeyError(f"unknown channel {channel_id!r}")
        return channel

    # ----- permissions (Discord's algorithm: base from roles, then channel overwrites)
    def base_permissions(self, guild: Guild, user_id: int) -> int:
        if user_id == guild.owner_id:
            return P.ALL
        member = guild.members.get(user_id)
        if member is None:
            return 0
        perms = guild.roles[guild.id].permissions
        for rid in member.roles:
            role = guild.roles.get(rid)
            if role is not None:
                perms |= role.permissions
        return P.ALL if perms & P.ADMINISTRATOR else perms

    def channel_permissions(self, channel: Channel, user_id: int) -> int:
        guild = self.guilds[channel.guild_id]
        perms = self.base_permissions(guild, user_id)
        if perms & P.ADMINISTRATOR or perms == P.ALL:
            return perms
        member = guild.members.get(user_id)
        if member is None:
            return 0
        by_id = {int(o["id"]): o for o in channel.overwrites}
        everyone = by_id.get(guild.id)
        if everyone:
            perms = (perms & ~int(everyone["deny"])) | int(everyone["allow"])
        allow = deny = 0
        for rid in member.roles:
            o = by_id.get(rid)
            if o and int(o["type"]) == 0:
                allow |= int(o["allow"])
                deny |= int(o["deny"])
        perms = (perms & ~deny) | allow
        own = by_id.get(user_id)
        if own and int(own["type"]) == 1:
            perms = (perms & ~int(own["deny"])) | int(own["allow"])
        if not perms & P.VIEW_CHANNEL:
            return 0
        return perms

    # ----- payloads
    def member_payload(self, guild: Guild, user_id: int, *, with_user: bool = True,
                       permissions: int | None = None) -> dict[str, Any]:
        member = guild.members[user_id]
        data: dict[str, Any] = {"roles": [str(r) for r in member.roles], "nick": member.nick, "avatar": None,
                                "banner": None, "joined_at": member.joined_at, "premium_since": None, "deaf": False,
                                "mute": False, "pending": False, "flags": 0, "communication_disabled_until": None}
        if with_user:
            data["user"] = self.users[user_id].payload()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data

    def guild_payload(self, guild: Guild, *, full: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(guild.id), "name": guild.name, "icon": None, "splash": None, "discovery_splash": None,
            "owner_id": str(guild.owner_id), "afk_channel_id": None, "afk_timeout": 300, "verification_level": 0,
            "default_message_notifications": 1, "explicit_content_filter": 0, "features": [], "mfa_level": 0,
            "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None, "vanity_url_code": None,
            "description": None, "banner": None, "premium_tier": 0, "premium_subscription_count": 0,
            "preferred_locale": "en-US", "public_updates_channel_id": None, "nsfw_level": 0,
            "premium_progress_bar_enabled": False, "emojis": [], "stickers": [],
            "roles": [r.payload() for r in guild.roles.values()],
        }
        if full:  # the GUILD_CREATE extras
            data.update({
                "joined_at": guild.members[self.bot.id].joined_at, "large": False, "unavailable": False,
                "member_count": len(guild.members), "voice_states": [], "presences": [], "threads": [],
                "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
                "channels": [c.payload() for c in guild.channels.values()],
                "members": [self.member_payload(guild, uid) for uid in guild.members],
            })
        return data

    def resolved_channel(self, channel: Channel, user_id: int) -> dict[str, Any]:
        data = channel.payload()
        data["permissions"] = str(self.channel_permissions(channel, user_id))
        return data

    # ----- persistence
    def dump(self) -> dict[str, Any]:
        return {"application_id": self.application_id, "bot_user_id": self.bot.id, "owner_user_id": self.owner.id,
                "users": [asdict(u) for u in self.users.values()],
                "guilds": [{"id": g.id, "name": g.name, "owner_id": g.owner_id,
                            "roles": [asdict(r) for r in g.roles.values()],
                            "channels": [asdict(c) for c in g.channels.values()],
                            "members": [asdict(m) for m in g.members.values()]} for g in self.guilds.values()]}

    def load(self, data: dict[str, Any]) -> None:
        self.users = {int(u["id"]): User(**u) for u in data.get("users", [])}
        for uid in self.users:
            self.ids.bump(uid)
        self.application_id = int(data.get("application_id", self.application_id))
        self.bot = self.users[int(data.get("bot_user_id", self.application_id))]
        self.owner = self.users[int(data["owner_user_id"])] if "owner_user_id" in data else self.owner
        self.guilds = {}
        for g in data.get("guilds", []):
            guild = Guild(int(g["id"]), g["name"], int(g["owner_id"]))
            guild.roles = {int(r["id"]): Role(**r) for r in g["roles"]}
            guild.channels = {int(c["id"]): Channel(**c) for c in g["channels"]}
            guild.members = {int(m["user_id"]): Member(**m) for m in g["members"]}
            self.guilds[guild.id] = guild
            for i in [guild.id, *guild.roles, *guild.channels]:
                self.ids.bump(i)


def _overwrite(o: dict[str, Any]) -> dict[str, Any]:
    kind = o.get("type", 0)
    kind = 1 if kind in (1, "member") else 0
    return {"id": str(to_id(o["id"])), "type": kind, "allow": str(int(o.get("allow", 0))),
            "deny": str(int(o.get("deny", 0)))}
