"""Persistence: every SQL statement of Sitrep lives in this package, behind the `Storage` protocol."""

from storage.base import Storage
from storage.errors import DatabaseTooNew, FeedExists, StorageError
from storage.sqlite import SqliteStorage, open_storage

__all__ = ["DatabaseTooNew", "FeedExists", "SqliteStorage", "Storage", "StorageError", "open_storage"]
