"""The one kind of error a command shows its user: short, clear, and safe to show."""


class UserFacingError(Exception):
    """Bad input or a refused action; the message is shown to the user as it is (ephemeral)."""
