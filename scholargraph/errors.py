"""The project's own exceptions.

Library, driver and I/O errors are wrapped in these so that the CLI can print
one line (``Error: … (hint: …)``) instead of a traceback.
"""

from __future__ import annotations


class ScholargraphError(Exception):
    """Base class: a message for the user and an optional hint on what to do."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        text = " ".join(self.message.split())
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(ScholargraphError):
    """Bad input: names the file and, where known, the line."""

    def __init__(
        self, path: str, message: str, *, line: int | None = None, hint: str | None = None
    ) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = path
        self.line = line


class StoreError(ScholargraphError):
    """The store refused a query or a write (the batch was rolled back)."""


class StoreUnavailableError(StoreError):
    """The store could not be opened or reached (bad URI, server down, bad credentials)."""


class StoreLockedError(StoreUnavailableError):
    """Another process is writing the store."""


class StoreCorruptError(StoreUnavailableError):
    """The store's files cannot be read as a store (``scholargraph repair``)."""


class QueryError(ScholargraphError):
    """A named query was unknown, mis-parameterised, or its person argument did not resolve."""


class ApiError(ScholargraphError):
    """A public API could not answer: refused, kept failing, or sent a body we cannot read."""


class NotCachedError(ApiError):
    """Offline, and the cache holds no answer to this request."""


class UnreachableError(ApiError):
    """No connection to the API could be made (no network, a name that does not
    resolve, a port nobody listens on): not retried, and the API is not asked again
    in the same run."""
