"""A big bibliography's parse kept a record at a time (issue 22): the same file as
one JSON text, and a write that fails half way keeps what was there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scholargraph.parse import cache, extract_file
from scholargraph.parse.cache import ParseCache, to_json
from scholargraph.records import Record

MAKE_BIG_BIB = Path(__file__).resolve().parent.parent / "tools" / "make-big-bib"


@pytest.fixture(scope="module")
def big_bib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bib") / "big.bib"
    subprocess.run([sys.executable, str(MAKE_BIG_BIB), "300", str(out)], check=True)
    return out


def test_a_kept_extraction_written_a_record_at_a_time_is_its_json(
    big_bib: Path, tmp_path: Path
) -> None:
    ex = extract_file(big_bib)
    kept = ParseCache(tmp_path / "parses")
    key = kept.key(big_bib.read_bytes(), big_bib, owner=None, shown=None)
    kept.put(key, ex)
    written = (kept.folder / f"{key}.extraction.json").read_text(encoding="utf-8")
    assert written == to_json(ex)
    back = kept.get(key)
    assert back is not None and to_json(back) == written
    assert ex.entries == 300 and len(ex.records) > 3000
    assert [f.name for f in kept.folder.iterdir()] == [f"{key}.extraction.json"]


def test_a_kept_extraction_that_fails_half_way_leaves_the_one_before(
    big_bib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ex = extract_file(big_bib)
    kept = ParseCache(tmp_path / "parses")
    key = kept.key(big_bib.read_bytes(), big_bib, owner=None, shown=None)
    kept.put(key, ex)
    before = to_json(ex)
    rows = cache._row
    calls = iter(range(10**6))

    def row_then_full_disk(record: Record) -> dict[str, object]:
        if next(calls) == 1000:
            raise OSError(28, "No space left on device")
        return rows(record)

    monkeypatch.setattr(cache, "_row", row_then_full_disk)
    with pytest.raises(OSError, match="No space left"):
        kept.put(key, ex)
    back = kept.get(key)
    assert back is not None and to_json(back) == before
    assert [f.name for f in kept.folder.iterdir()] == [f"{key}.extraction.json"]
