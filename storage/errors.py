"""Storage errors as domain exceptions, so callers never catch sqlite3 errors."""


class StorageError(Exception):
    """Base class for storage failures the caller can act on."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer Sitrep; refusing it is safer than guessing."""


class FeedExists(StorageError):
    """A feed with this URL is already stored."""

    def __init__(self, feed_id: int, url: str) -> None:
        super().__init__(f"feed {feed_id} already has the URL {url}")
        self.feed_id = feed_id
        self.url = url
