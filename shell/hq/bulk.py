"""Bulk files into raw tables with COPY, and batched replay.

The shell only moves bytes: it detects the file format, streams rows into
``COPY … FROM STDIN`` in batches (one statement and one transaction each, so
the ingest trigger processes each batch set-based and memory stays flat),
and reports what the database decided. Every data rule runs in SQL.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from pathlib import Path
from typing import IO, Iterator

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

SNIFF_BYTES = 64 * 1024


def _one(conn: psycopg.Connection, query: str, params: tuple):
    """The single value of a one-row, one-column api.* call, whatever the connection's row factory."""
    return conn.cursor(row_factory=dict_row).execute(query, params).fetchone()["v"]


def _registry(conn: psycopg.Connection, workflow: str) -> dict:
    return _one(conn, "SELECT api.ingest_target(%s) AS v", (workflow,))


def sniff_delimited(head: str) -> csv.Dialect | None:
    """A CSV/TSV dialect when the head of the file looks delimited, else None (NDJSON)."""
    first = head.lstrip("\ufeff").lstrip()
    if first.startswith("{") or first.startswith("["):
        return None
    try:
        return csv.Sniffer().sniff(head, delimiters=",\t;|")
    except csv.Error:
        return csv.excel_tab if "\t" in head.splitlines()[0] else csv.excel


def _delimited_rows(fh: IO[str], dialect) -> Iterator[dict]:
    reader = csv.reader(fh, dialect)
    headers = next(reader, None)
    if headers is None:
        return
    headers = [h.replace("\ufeff", "") for h in headers]
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        yield dict(zip(headers, values))


def _ndjson_rows(fh: IO[str]) -> Iterator[object]:
    for line in fh:
        line = line.strip()
        if line:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                yield line  # kept as a JSON string: the trigger marks it failed, nothing is lost


def ingest_stream(conn: psycopg.Connection, fh: IO[bytes], workflow: str, *, batch_size: int = 5000,
                  on_progress=None) -> dict:
    """Stream a binary file object into the workflow's raw table; returns the summary."""
    reg = _registry(conn, workflow)
    conn.commit()
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    head = text.read(SNIFF_BYTES)
    text_rest = _Chain(head, text)
    dialect = sniff_delimited(head)
    rows = _delimited_rows(text_rest, dialect) if dialect else _ndjson_rows(text_rest)
    schema, table = reg["raw_table"].split(".")
    mapping: dict[str, str] | None = None  # file header -> raw column, asked of api.ingest_columns once
    batch_id = uuid.uuid4().hex
    loaded = 0
    batch: list = []

    def flush() -> None:
        nonlocal loaded, mapping
        if not batch:
            return
        if mapping is None:
            mapping = _one(conn, "SELECT api.ingest_columns(%s, %s) AS v", (workflow, list(batch[0]))) if dialect else {}
        headers = sorted(set(mapping.values()))
        cols = headers + ["workflow_slug", "raw_payload", "idempotency_key"]
        stmt = sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
            sql.Identifier(schema), sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, cols)))
        with conn.cursor() as cur, cur.copy(stmt) as copy:
            for i, row in enumerate(batch):
                key = f"{batch_id}:{loaded + i + 1}"
                by_col = {mapping[k]: (v if v != "" else None) for k, v in row.items() if k in mapping} if dialect else {}
                copy.write_row([by_col.get(c) for c in headers] + [workflow, json.dumps(row), key])
        conn.commit()
        loaded += len(batch)
        batch.clear()
        if on_progress:
            on_progress(loaded)

    for row in rows:
        batch.append(row)
        if len(batch) >= batch_size:
            flush()
    flush()
    s = _one(conn, "SELECT api.ingest_summary(%s, %s) AS v", (workflow, batch_id))
    conn.commit()
    return {"loaded": loaded, "batch_id": batch_id, **s,
            "top_errors": [(e["error"], e["count"]) for e in s.get("top_errors", [])]}


class _Chain(io.TextIOBase):
    """A text stream that first yields an already-read head, then the rest."""

    def __init__(self, head: str, rest: IO[str]):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> str:
        if self._head:
            if n is None or n < 0:
                out, self._head = self._head + self._rest.read(), ""
                return out
            out, self._head = self._head[:n], self._head[n:]
            return out
        return self._rest.read(n)

    def readline(self, limit: int = -1) -> str:
        if self._head:
            idx = self._head.find("\n")
            if idx >= 0:
                out, self._head = self._head[: idx + 1], self._head[idx + 1:]
                return out
            out, self._head = self._head, ""
            return out + self._rest.readline()
        return self._rest.readline()

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line


def ingest_file(conn: psycopg.Connection, path: Path, workflow: str, *, batch_size: int = 5000,
                progress: bool = False) -> dict:
    """``hq ingest``: stream a CSV/TSV/NDJSON file with a rich progress bar (by bytes read)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        if not progress:
            return ingest_stream(conn, fh, workflow, batch_size=batch_size)
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.fields[rows]} rows"),
                      TimeElapsedColumn()) as bar:
            task = bar.add_task(path.name, total=size, rows=0)
            return ingest_stream(conn, fh, workflow, batch_size=batch_size,
                                 on_progress=lambda n: bar.update(task, completed=fh.tell(), rows=n))


def replay_batches(conn: psycopg.Connection, workflow: str | None, all_rows: bool, batch_size: int,
                   progress: bool = False) -> int:
    """``hq replay``: CALL core.replay_batches (COMMIT per batch); NOTICEs are the progress lines."""
    total = 0

    def notice(diag) -> None:
        nonlocal total
        msg = diag.message_primary or ""
        m = re.search(r"\((\d+) in total\)", msg)
        if m:
            total = int(m.group(1))
        if progress:
            print(msg, flush=True)

    conn.add_notice_handler(notice)
    conn.execute("CALL core.replay_batches(%s, %s, %s)", (workflow, all_rows, batch_size))
    return total
