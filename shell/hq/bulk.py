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
import queue
import re
import threading
import uuid
import zlib
from pathlib import Path
from typing import IO, Callable, Iterator

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
    if not first or first.startswith("{") or first.startswith("["):
        return None  # empty, or NDJSON
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


class _BatchWriter:
    """COPY of one batch of (row number, row) into the raw table on one
    connection, committed: one statement and one transaction per batch, so
    the ingest trigger processes each batch set-based."""

    def __init__(self, schema: str, table: str, workflow: str, mapping: dict[str, str], delimited: bool,
                 batch_id: str):
        self.workflow, self.mapping, self.delimited, self.batch_id = workflow, mapping, delimited, batch_id
        self.headers = sorted(set(mapping.values()))
        cols = self.headers + ["workflow_slug", "raw_payload", "idempotency_key"]
        self.stmt = sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
            sql.Identifier(schema), sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, cols)))

    def write(self, conn: psycopg.Connection, batch: list[tuple[int, object]]) -> None:
        with conn.cursor() as cur, cur.copy(self.stmt) as copy:
            for num, row in batch:
                by_col = ({self.mapping[k]: (v if v != "" else None) for k, v in row.items() if k in self.mapping}
                          if self.delimited else {})
                copy.write_row([by_col.get(c) for c in self.headers]
                               + [self.workflow, json.dumps(row), f"{self.batch_id}:{num}"])
        conn.commit()


class _Workers:
    """`jobs` threads, each with its own connection and a short queue of
    batches; batches with no company or person in common are processed by
    the database in parallel (core.lock_companies takes row locks)."""

    def __init__(self, jobs: int, connect: Callable[[], psycopg.Connection], writer: _BatchWriter):
        self.writer, self.loaded, self.errors = writer, 0, []
        self._lock = threading.Lock()
        self.queues = [queue.Queue(maxsize=1) for _ in range(jobs)]
        self.threads = [threading.Thread(target=self._run, args=(q, connect), daemon=True) for q in self.queues]
        for t in self.threads:
            t.start()

    def _run(self, q: queue.Queue, connect) -> None:
        try:
            with connect() as conn:
                while (batch := q.get()) is not None:
                    if not self.errors:
                        self.writer.write(conn, batch)
                        with self._lock:
                            self.loaded += len(batch)
        except Exception as exc:  # reported by close(); the other workers stop taking batches
            self.errors.append(exc)
            while q.get() is not None:  # drain, so the reader never blocks on a full queue
                pass

    def put(self, worker: int, batch: list) -> None:
        if self.errors:
            raise self.errors[0]
        self.queues[worker].put(batch)

    def close(self) -> None:
        for q in self.queues:
            q.put(None)
        for t in self.threads:
            t.join()
        if self.errors:
            raise self.errors[0]


def ingest_stream(conn: psycopg.Connection, fh: IO[bytes], workflow: str, *, batch_size: int = 5000,
                  on_progress=None, jobs: int = 1, connect: Callable[[], psycopg.Connection] | None = None) -> dict:
    """Stream a binary file object into the workflow's raw table; returns the summary.

    With jobs > 1, `connect` opens one more connection per worker. Rows are
    routed to a worker by their raw key value, so deliveries for the same
    entity keep their file order (each worker commits its batches in order)."""
    reg = _registry(conn, workflow)
    conn.commit()
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    head = text.read(SNIFF_BYTES)
    text_rest = _Chain(head, text)
    dialect = sniff_delimited(head)
    rows = _delimited_rows(text_rest, dialect) if dialect else _ndjson_rows(text_rest)
    schema, table = reg["raw_table"].split(".")
    batch_id = uuid.uuid4().hex
    jobs = max(1, jobs)
    if jobs > 1 and connect is None:
        raise ValueError("jobs > 1 needs a connect() for the workers' connections")
    writer: _BatchWriter | None = None
    workers: _Workers | None = None
    key_field = reg.get("payload_key")
    batches: list[list] = [[] for _ in range(jobs)]
    loaded = 0  # rows handed to COPY (with one job: committed)

    def start(first: object) -> None:
        nonlocal writer, workers, key_field
        # file header -> raw column, asked of api.ingest_columns once
        mapping = _one(conn, "SELECT api.ingest_columns(%s, %s) AS v", (workflow, list(first))) if dialect else {}
        conn.commit()
        if dialect:  # the header that fills the raw key column, for routing
            key_field = next((h for h, c in mapping.items() if c == reg["key_column"]), key_field)
        writer = _BatchWriter(schema, table, workflow, mapping, bool(dialect), batch_id)
        if jobs > 1:
            workers = _Workers(jobs, connect, writer)

    def flush(k: int) -> None:
        nonlocal loaded
        batch, batches[k] = batches[k], []
        if not batch:
            return
        if workers:
            workers.put(k, batch)
        else:
            writer.write(conn, batch)
            loaded += len(batch)
        if on_progress:
            on_progress(workers.loaded if workers else loaded)

    try:
        for num, row in enumerate(rows, start=1):
            if writer is None:
                start(row)
            k = 0
            if jobs > 1:
                key = row.get(key_field) if isinstance(row, dict) and key_field else None
                k = zlib.crc32(str(key if key is not None else num).encode()) % jobs
            batches[k].append((num, row))
            if len(batches[k]) >= batch_size:
                flush(k)
        for k in range(jobs):
            flush(k)
    finally:
        if workers:
            workers.close()
    if workers:
        loaded = workers.loaded
        if on_progress:
            on_progress(loaded)
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
                progress: bool = False, jobs: int = 1, connect: Callable[[], psycopg.Connection] | None = None) -> dict:
    """``hq ingest``: stream a CSV/TSV/NDJSON file with a rich progress bar (by bytes read)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        if not progress:
            return ingest_stream(conn, fh, workflow, batch_size=batch_size, jobs=jobs, connect=connect)
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.fields[rows]} rows"),
                      TimeElapsedColumn()) as bar:
            task = bar.add_task(path.name, total=size, rows=0)
            return ingest_stream(conn, fh, workflow, batch_size=batch_size, jobs=jobs, connect=connect,
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
