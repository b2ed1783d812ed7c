"""Reading input files: bytes, digest, text, and the Source record for provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

from scholargraph.errors import InputError
from scholargraph.records import Source


@dataclass(frozen=True)
class Document:
    """One input file as text, with the Source node every fact from it cites."""

    path: str
    text: str
    source: Source
    owner: str | None = None  # who the document is about, when the user says so

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def evidence(self, line: int) -> str:
        """``path:line: text`` for a 1-based line number."""
        lines = self.lines
        text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        return f"{self.path}:{line}: {text}"


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (covers GBK), else a clear error."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "is neither UTF-8 nor GBK/GB18030 text", hint="re-save it as UTF-8")


def read_document(
    path: str | Path,
    kind_of: Callable[[str, str], str],
    *,
    owner: str | None = None,
    shown: str | None = None,
) -> Document:
    """Read ``path`` and name its format with ``kind_of(path, text)``; a missing or
    unreadable file is an InputError naming it. ``owner`` names the person a CV or
    page is about when the document itself never does; ``shown`` what to call the
    file in provenance and messages (the URL a fetched page came from)."""
    shown = shown or Path(path).as_posix()
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(shown, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(shown, "is a directory", hint="pass the files inside it") from exc
    except OSError as exc:
        raise InputError(shown, f"cannot be read: {exc.strerror}") from exc
    if Path(path).suffix.lower() == ".pdf":  # its text layer, one line per line number
        from scholargraph.parse.pdftext import pdf_text

        text = pdf_text(data, shown)
    else:
        text = decode(data, shown)
    sha = hashlib.sha256(data).hexdigest()
    source_id = f"src:{sha[:16]}"
    source = Source(
        id=source_id,
        path=shown,
        sha256=sha,
        kind=kind_of(Path(path).as_posix(), text),
        ingested_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        sources=[source_id],
        location=str(Path(path).resolve()),
        owner=owner,
    )
    return Document(path=shown, text=text, source=source, owner=owner)
