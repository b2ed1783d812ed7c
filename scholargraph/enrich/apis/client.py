"""What every API client shares: one ``Http`` session, built from the settings."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from scholargraph.config import ApiSettings
from scholargraph.http import Http


class ApiClient:
    """A thin client of one API (``api``, a key of ``config.APIS``) over one session.
    Subclasses say which query parameters and headers every request carries."""

    api: ClassVar[str]

    def __init__(self, http: Http) -> None:
        self.http = http

    @classmethod
    def from_settings(cls, settings: ApiSettings, **http_options: Any) -> Self:
        """A client with its own session; ``http_options`` go to ``Http`` (tests
        pass ``sleep`` and ``clock``)."""
        return cls(
            Http(
                cls.api,
                settings,
                params=cls.params(settings),
                headers=cls.headers(settings),
                **http_options,
            )
        )

    @staticmethod
    def params(settings: ApiSettings) -> dict[str, str]:
        return {}

    @staticmethod
    def headers(settings: ApiSettings) -> dict[str, str]:
        return {}
