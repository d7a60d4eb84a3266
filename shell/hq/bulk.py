"""Bulk files into raw tables with COPY, and batched replay.

The shell only moves bytes: it detects the file format, streams rows into
``COPY … FROM STDIN`` in batches (one statement and one transaction each, so
the ingest trigger processes each batch set-based and memory stays flat),
and reports what the database decided. Every data rule runs in SQL.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import queue
import re
import tempfile
import threading
import uuid
import zlib
from pathlib import Path
from typing import IO, Callable, Iterator

import psycopg
from psycopg import sql
from psycopg.rows import dict_row, tuple_row

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


_BAD_BYTE = re.compile("[\x00\udc80-\udcff]")
_JSON_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # an escaped NUL in JSON text, not an escaped backslash before u0000


def _escaped(text: str) -> str:
    """The text with what PostgreSQL cannot store escaped: invalid UTF-8 bytes
    (kept by the surrogateescape decoder) as \\xNN, NUL as \\x00."""
    raw = text.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace").replace("\x00", "\\x00")


def _bad_byte(value: str) -> str | None:
    """Why a decoded value cannot be stored as sent, or None."""
    m = _BAD_BYTE.search(value)
    if not m:
        return None
    if m.group() == "\x00":
        return "NUL byte (0x00)"
    return f"invalid UTF-8 (byte 0x{ord(m.group()) - 0xDC00:02X})"


def _lines(text: IO[str], terminator: str) -> Iterator[str]:
    """Lines ending at `terminator` only (a text stream's own iteration also
    ends a line at a bare carriage return, which would split a record)."""
    rest = ""
    while chunk := text.read(SNIFF_BYTES):
        parts = (rest + chunk).split(terminator)
        rest = parts.pop()
        for part in parts:
            yield part + terminator
    if rest:
        yield rest


class _Counted:
    """A line iterator that remembers the lines read since the last mark()."""

    def __init__(self, lines: Iterator[str]):
        self.lines, self.taken, self.count = lines, [], 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        self.count += 1
        return line

    def mark(self) -> str:
        text, self.taken = "".join(self.taken), []
        return text


def _delimited_rows(text: IO[str], dialect, terminator: str) -> Iterator[tuple]:
    """(line number, row dict, None, None) per record, or (line number, None,
    reason, escaped text) for a record the database cannot store as sent: a
    bare carriage return in an unquoted field (the dialect ends records at
    `terminator`; a CR inside quotes is data), a broken record, a NUL byte
    or invalid UTF-8 in a field."""
    src = _Counted(_lines(text, terminator))
    reader = csv.reader(src, dialect)
    try:
        headers = next(reader)
    except (StopIteration, csv.Error):
        return
    headers = [h.replace("\ufeff", "") for h in headers]
    src.mark()
    while True:
        start = src.count + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raw = src.mark()
            why = ("bare carriage return (0x0D) in an unquoted field" if "new-line character" in str(exc)
                   else f"broken record ({exc})")
            yield start, None, f"line {start}: {why}; kept as escaped text", _escaped(raw)
            continue
        raw = src.mark()
        if not any(v.strip() for v in values):
            continue
        bad = next(((h, why) for h, v in zip(headers, values) if (why := _bad_byte(v))), None)
        if bad:
            yield start, None, f"line {start}: {bad[1]} in field {bad[0]!r}; kept as escaped text", _escaped(raw)
            continue
        yield start, dict(zip(headers, values)), None, None


def _ndjson_rows(text: IO[str]) -> Iterator[tuple]:
    """(line number, parsed value, None, None) per non-blank line, or (line
    number, None, reason, escaped text) for: invalid UTF-8, a NUL (raw, or \\u0000 in a string, which
    jsonb cannot hold), or text that is not JSON."""
    for num, line in enumerate(_lines(text, "\n"), start=1):
        line = line.strip()
        if not line:
            continue
        why = _bad_byte(line)
        value = None
        if why is None:
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                why = f"not valid JSON ({exc})"
            else:
                if "\\u0000" in line and _JSON_NUL.search(json.dumps(value)):
                    why = "NUL character (\\u0000) in a string"
        if why:
            yield num, None, f"line {num}: {why}; kept as escaped text", _escaped(line)
        else:
            yield num, value, None, None


class _BatchWriter:
    """One batch of (line number, row, reject reason, escaped text) into the
    raw table on one connection, in one transaction: COPY into a session temp
    table, then one INSERT … ON CONFLICT DO NOTHING into the
    raw table (one statement: the ingest trigger processes the batch
    set-based; a row this file already delivered, by its key, is not stored
    again), then the reasons of the rejected rows (api.ingest_rejected)."""

    def __init__(self, conn: psycopg.Connection, schema: str, table: str, workflow: str, mapping: dict[str, str],
                 delimited: bool, key_prefix: str):
        self.workflow, self.mapping, self.delimited, self.key_prefix = workflow, mapping, delimited, key_prefix
        self.schema, self.table = schema, table
        self.headers = sorted(set(mapping.values()))
        self.cols = self.headers + ["workflow_slug", "raw_payload", "idempotency_key"]
        # the raw table's column types, from the catalog (the ingest role may not read the table)
        types = dict(conn.cursor(row_factory=tuple_row).execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
            "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
            (sql.Identifier(schema, table).as_string(conn),)).fetchall())
        conn.commit()
        # one per batch, dropped at its commit: a pooled session keeps nothing, whatever file comes next
        self.create = sql.SQL("CREATE TEMP TABLE hq_bulk_rows ({}) ON COMMIT DROP").format(
            sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(types[c])) for c in self.cols))
        collist = sql.SQL(", ").join(map(sql.Identifier, self.cols))
        self.copy = sql.SQL("COPY hq_bulk_rows ({}) FROM STDIN").format(collist)
        # no conflict target: a target needs SELECT on its column, which the ingest role has not;
        # the delivery key is the only unique value a row brings (ids are generated)
        self.insert = sql.SQL("INSERT INTO {} ({}) SELECT {} FROM hq_bulk_rows ON CONFLICT DO NOTHING").format(
            sql.Identifier(schema, table), collist, collist)
        self.inserted = 0
        self._lock = threading.Lock()

    def write(self, conn: psycopg.Connection, batch: list[tuple]) -> None:
        rejected_keys, reasons = [], []
        with conn.cursor() as cur:
            cur.execute(self.create)
            with cur.copy(self.copy) as copy:
                for num, row, why, raw in batch:
                    key = f"{self.key_prefix}:{num}"
                    if why:
                        # kept as an object no workflow can extract (no entity key): the ingest
                        # trigger marks it failed, api.ingest_rejected gives it its reason
                        rejected_keys.append(key)
                        reasons.append(why)
                        kept = {"rejected_row": {"line": num, "reason": why, "text": raw}}
                        copy.write_row([None] * len(self.headers) + [self.workflow, json.dumps(kept), key])
                        continue
                    by_col = ({self.mapping[k]: (v if v != "" else None) for k, v in row.items() if k in self.mapping}
                              if self.delimited else {})
                    copy.write_row([by_col.get(c) for c in self.headers] + [self.workflow, json.dumps(row), key])
            cur.execute(self.insert)
            inserted = cur.rowcount
            if rejected_keys:
                cur.execute("SELECT api.ingest_rejected(%s, %s, %s)", (self.workflow, rejected_keys, reasons))
        conn.commit()
        with self._lock:
            self.inserted += inserted


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


def file_digest(fh: IO[bytes]) -> tuple[str, IO[bytes]]:
    """SHA-256 of a binary stream's content, and a stream positioned at its
    start to read it from (the same one when it can seek, else a spooled copy)."""
    h = hashlib.sha256()
    if fh.seekable():
        start = fh.tell()
        while chunk := fh.read(1 << 20):
            h.update(chunk)
        fh.seek(start)
        return h.hexdigest(), fh
    copy = tempfile.SpooledTemporaryFile(max_size=8 << 20)
    while chunk := fh.read(1 << 20):
        h.update(chunk)
        copy.write(chunk)
    copy.seek(0)
    return h.hexdigest(), copy


def ingest_stream(conn: psycopg.Connection, fh: IO[bytes], workflow: str, *, batch_size: int = 5000,
                  on_progress=None, jobs: int = 1, connect: Callable[[], psycopg.Connection] | None = None,
                  force: bool = False) -> dict:
    """Stream a binary file object into the workflow's raw table; returns the summary.

    Every row carries a delivery key, the file's SHA-256 and its line number
    (the raw row's idempotency key), so loading the same file again stores
    only the rows a crash left out; force=True delivers every row again
    (keys of a run of its own). A row the database cannot store as sent is
    stored failed, with its line number and reason, its text escaped.
    With jobs > 1, `connect` opens one more connection per worker. Rows are
    routed to a worker by their raw key value, so deliveries for the same
    entity keep their file order (each worker commits its batches in order)."""
    reg = _registry(conn, workflow)
    conn.commit()
    digest, fh = file_digest(fh)
    key_prefix = f"file:{digest}" + (f":force-{uuid.uuid4().hex[:12]}" if force else "")
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    head = text.read(SNIFF_BYTES)
    text_rest = _Chain(head, text)
    dialect = sniff_delimited(head)
    # the record terminator: a file whose lines end in CR alone (old Mac
    # exports) uses it; in any other a bare CR is not one
    terminator = "\r" if "\r" in head and "\n" not in head else "\n"
    rows = _delimited_rows(text_rest, dialect, terminator) if dialect else _ndjson_rows(text_rest)
    schema, table = reg["raw_table"].split(".")
    jobs = max(1, jobs)
    if jobs > 1 and connect is None:
        raise ValueError("jobs > 1 needs a connect() for the workers' connections")
    writer: _BatchWriter | None = None
    workers: _Workers | None = None
    key_field = reg.get("payload_key")
    batches: list[list] = [[] for _ in range(jobs)]
    loaded = rejected = 0  # rows handed to COPY (with one job: committed)

    def start(first: dict | None) -> None:
        nonlocal writer, workers, key_field
        # file header -> raw column, asked of api.ingest_columns once
        mapping = (_one(conn, "SELECT api.ingest_columns(%s, %s) AS v", (workflow, list(first)))
                   if dialect and first is not None else {})
        conn.commit()
        if dialect:  # the header that fills the raw key column, for routing
            key_field = next((h for h, c in mapping.items() if c == reg["key_column"]), key_field)
        writer = _BatchWriter(conn, schema, table, workflow, mapping, bool(dialect), key_prefix)
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

    pending: list[tuple] = []  # rejected rows before the first good one (the header mapping needs a row)
    try:
        for item in rows:
            num, row, why, _ = item
            rejected += why is not None
            if writer is None:
                if why and dialect:
                    pending.append(item)
                    continue
                start(row)
                for p in pending:
                    batches[0].append(p)
                pending = []
            k = 0
            if jobs > 1:
                key = row.get(key_field) if isinstance(row, dict) and key_field else None
                k = zlib.crc32(str(key if key is not None else num).encode()) % jobs
            batches[k].append(item)
            if len(batches[k]) >= batch_size:
                flush(k)
        if writer is None and pending:  # every row rejected: no header mapping is needed
            start(None)
            batches[0].extend(pending)
        for k in range(jobs):
            flush(k)
    finally:
        if workers:
            workers.close()
    if workers:
        loaded = workers.loaded
        if on_progress:
            on_progress(loaded)
    s = _one(conn, "SELECT api.ingest_summary(%s, %s) AS v", (workflow, key_prefix))
    conn.commit()
    inserted = writer.inserted if writer else 0
    return {"loaded": loaded, "inserted": inserted, "already_loaded": loaded - inserted, "rejected": rejected,
            "batch_id": key_prefix, **s,
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
                progress: bool = False, jobs: int = 1, connect: Callable[[], psycopg.Connection] | None = None,
                force: bool = False) -> dict:
    """``hq ingest``: stream a CSV/TSV/NDJSON file with a rich progress bar (by bytes read)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        if not progress:
            return ingest_stream(conn, fh, workflow, batch_size=batch_size, jobs=jobs, connect=connect, force=force)
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.fields[rows]} rows"),
                      TimeElapsedColumn()) as bar:
            task = bar.add_task(path.name, total=size, rows=0)
            return ingest_stream(conn, fh, workflow, batch_size=batch_size, jobs=jobs, connect=connect, force=force,
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
