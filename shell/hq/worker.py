"""``hq worker``: runs the job queue (procrastinate, tables in schema
``procrastinate``) as the hq_worker role.

Two tasks, both one HTTP call per job: ``hq.similar_fetch`` (one domain to
CompanyEnrich's similar-companies endpoint) and ``hq.salesnav_relay`` (one
Sales Navigator row to a Clay webhook). Every decision about data is an
``api.worker_*`` call: claim the attempt, reserve a rate-limit slot (shared
by every worker through core.outbound_rate_limits), store the answer or the
error. A job's database writes are one transaction after the HTTP answer,
so a job killed at any point left either nothing or everything; a killed
job is retried (procrastinate's stalled-job detection, swept on start and
periodically), and a pending item without a live job gets a new one.

On SIGTERM/SIGINT procrastinate stops fetching and waits for the jobs in
flight (each bounded by the HTTP timeout) before it exits.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
from dataclasses import dataclass, field

import httpx
import procrastinate
from procrastinate.retry import RetryDecision
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from hq import outbound

log = logging.getLogger("hq.worker")


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


@dataclass
class Settings:
    """Worker settings, from the environment (docs/jobs.md lists them)."""

    companyenrich_url: str = field(default_factory=lambda: os.environ.get("HQ_COMPANYENRICH_URL", "https://api.companyenrich.com"))
    companyenrich_key: str = field(default_factory=lambda: os.environ.get("HQ_COMPANYENRICH_KEY", ""))
    companyenrich_rate: float = field(default_factory=lambda: _env_float("HQ_COMPANYENRICH_RATE", 5.0))
    timeout: float = field(default_factory=lambda: _env_float("HQ_OUTBOUND_TIMEOUT", 30.0))
    max_attempts: int = field(default_factory=lambda: int(_env_float("HQ_JOB_MAX_ATTEMPTS", 8)))
    backoff_base: float = field(default_factory=lambda: _env_float("HQ_JOB_BACKOFF_BASE", 2.0))
    backoff_max: float = field(default_factory=lambda: _env_float("HQ_JOB_BACKOFF_MAX", 300.0))
    heartbeat: float = field(default_factory=lambda: _env_float("HQ_WORKER_HEARTBEAT", 10.0))
    stalled_after: float = field(default_factory=lambda: _env_float("HQ_WORKER_STALLED_AFTER", 30.0))


class RetryLater(Exception):
    """This attempt failed in a way a later one may not (429, 5xx, timeout)."""

    def __init__(self, message: str, delay: float):
        super().__init__(message)
        self.delay = delay


class GaveUp(Exception):
    """The job's item is settled as failed; the job ends failed, without retry."""


class HqRetry(procrastinate.BaseRetryStrategy):
    """Retry what the task asked to retry, after the delay it chose (the
    provider's Retry-After, else exponential backoff); an unexpected error
    (database unreachable, a bug) is retried with backoff up to the attempt
    limit; GaveUp never."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def get_retry_decision(self, *, exception: BaseException, job) -> RetryDecision | None:
        if isinstance(exception, RetryLater):
            return RetryDecision(retry_in={"seconds": exception.delay})
        if isinstance(exception, GaveUp) or job.attempts + 1 >= self.settings.max_attempts:
            return None
        s = self.settings
        return RetryDecision(retry_in={"seconds": outbound.backoff_seconds(job.attempts + 1, s.backoff_base, s.backoff_max)})


@dataclass
class Runtime:
    """What the tasks share in one worker process."""

    settings: Settings
    pool: AsyncConnectionPool
    http: httpx.AsyncClient

    async def call(self, query: str, params: tuple = ()):
        async with self.pool.connection() as conn:
            cur = await conn.execute(query, params)
            row = await cur.fetchone()
            return row["v"] if row else None

    async def sleep(self, seconds) -> None:
        """Wait for the rate-limit slot the start call reserved."""
        if seconds and seconds > 0:
            await asyncio.sleep(float(seconds))

    async def post(self, url: str, body: dict, headers: dict) -> tuple[int | None, str, float | None]:
        """(status, text, retry_after); status None when no answer came (timeout, connection error)."""
        try:
            resp = await self.http.post(url, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            return None, f"no answer within {self.settings.timeout:g} s ({type(exc).__name__})", None
        except httpx.TransportError as exc:
            return None, f"connection failed: {type(exc).__name__}: {exc}", None
        return resp.status_code, resp.text, outbound.retry_after_seconds(resp.headers.get("Retry-After"))

    async def failed(self, job, fail_sql: str, key: int, error: str, status: int | None, *,
                     retryable: bool, retry_after: float | None, target: str, extra: tuple = ()) -> None:
        """Record a failed attempt (core.job_errors and the item), then raise
        RetryLater or GaveUp. A Retry-After also holds back every worker's
        next request to the same target."""
        s = self.settings
        attempt = job.attempts + 1
        final = not retryable or attempt >= s.max_attempts
        delay = None if final else (retry_after if retry_after is not None
                                    else outbound.backoff_seconds(attempt, s.backoff_base, s.backoff_max))
        async with self.pool.connection() as conn:
            await conn.execute("SELECT api.worker_job_error(%s::bigint, %s::int, %s, %s::int, %s::numeric)",
                               (job.id, attempt, error, status, delay))
            await conn.execute(fail_sql, (key, error, status, final, *extra))
            if retry_after:
                await conn.execute("SELECT api.worker_push_back(%s, %s::numeric)", (target, retry_after))
        if final:
            raise GaveUp(error)
        raise RetryLater(error, delay)


def recorded(task, fail_sql: str, key: str):
    """Record an unexpected error of a task (database unreachable, a bug) in
    core.job_errors before procrastinate retries the job; at the last attempt
    the item fails with that error, so it is settled rather than requeued
    forever. Failures the task handled itself were recorded already."""

    @functools.wraps(task)
    async def wrapper(context, **kwargs):
        try:
            return await task(context, **kwargs)
        except (RetryLater, GaveUp):
            raise
        except Exception as exc:
            rt: Runtime = context.additional_context["hq"]
            attempt, error = context.job.attempts + 1, f"{type(exc).__name__}: {exc}"
            try:
                async with rt.pool.connection() as conn:
                    await conn.execute("SELECT api.worker_job_error(%s::bigint, %s::int, %s, NULL, NULL)",
                                       (context.job.id, attempt, error))
                    if attempt >= rt.settings.max_attempts:
                        await conn.execute(fail_sql, (kwargs[key], error, None, True))
            except Exception:  # noqa: BLE001 - the database may be what failed; procrastinate still retries
                log.exception("could not record the error of job %s", context.job.id)
            raise

    return wrapper


def _describe(status: int, text: str) -> str:
    snippet = " ".join(text.split())[:200]
    return f"HTTP {status}" + (f": {snippet}" if snippet else "")


async def similar_fetch(context, item_id: int) -> dict | None:
    """One domain's similar companies from CompanyEnrich, stored as a raw row."""
    rt: Runtime = context.additional_context["hq"]
    s = rt.settings
    item = await rt.call("SELECT api.worker_similar_start(%s::bigint, %s::numeric) AS v", (item_id, s.companyenrich_rate))
    if item["status"] == "received":  # answered before a crash: store it, do not fetch again
        return await rt.call("SELECT api.worker_similar_store(%s::bigint) AS v", (item_id,))
    if item["status"] != "pending":
        return {"skipped": item["status"]}
    await rt.sleep(item["wait_seconds"])
    status, text, retry_after = await rt.post(
        s.companyenrich_url.rstrip("/") + "/companies/similar",
        {"domain": item["domain"], "pageSize": item["page_size"]},
        {"Authorization": f"Bearer {s.companyenrich_key}", "Accept": "application/json"})
    fail = "SELECT api.worker_similar_fail(%s::bigint, %s, %s::int, %s)"
    if status is None or outbound.classify(status) == "retry":
        await rt.failed(context.job, fail, item_id, text if status is None else _describe(status, text), status,
                        retryable=True, retry_after=retry_after, target="companyenrich")
    if outbound.classify(status) == "stop":
        await rt.failed(context.job, fail, item_id, _describe(status, text), status,
                        retryable=False, retry_after=None, target="companyenrich")
    try:
        payload = json.loads(text)
    except ValueError:
        await rt.failed(context.job, fail, item_id, f"HTTP {status} with a body that is not JSON", status,
                        retryable=True, retry_after=None, target="companyenrich")
    async with rt.pool.connection() as conn:  # committed at once: a crash from here on never refetches
        await conn.execute("SELECT api.worker_similar_received(%s::bigint, %s::int, %s)", (item_id, status, Jsonb(payload)))
    return await rt.call("SELECT api.worker_similar_store(%s::bigint) AS v", (item_id,))


async def salesnav_relay(context, row_id: int) -> dict | None:
    """One Sales Navigator row to its export's Clay webhook, marked sent once."""
    rt: Runtime = context.additional_context["hq"]
    row = await rt.call("SELECT api.worker_relay_start(%s::bigint) AS v", (row_id,))
    if row["status"] != "pending" or row["export_status"] == "stopped":
        return {"skipped": row["status"] if row["status"] != "pending" else "export stopped"}
    fail = "SELECT api.worker_relay_fail(%s::bigint, %s, %s::int, %s, %s)"
    target = f"salesnav-export:{row['export_id']}"
    try:
        url = await asyncio.to_thread(outbound.check_url, row["webhook_url"])  # resolves the host: off the event loop
    except outbound.OutboundRefused as exc:
        await rt.failed(context.job, fail, row_id, str(exc), None, retryable=False, retry_after=None,
                        target=target, extra=(True,))
    await rt.sleep(row["wait_seconds"])
    status, text, retry_after = await rt.post(url, row["body"], {"Idempotency-Key": row["idempotency_key"]})
    if status is None or outbound.classify(status) == "retry":
        await rt.failed(context.job, fail, row_id, text if status is None else _describe(status, text), status,
                        retryable=True, retry_after=retry_after, target=target, extra=(False,))
    if outbound.classify(status) == "stop":
        await rt.failed(context.job, fail, row_id, _describe(status, text), status,
                        retryable=False, retry_after=None, target=target, extra=(True,))
    marked = await rt.call("SELECT api.worker_relay_sent(%s::bigint, %s::int) AS v", (row_id, status))
    return {"sent": True, "marked": marked}


def make_app(settings: Settings) -> procrastinate.App:
    app = procrastinate.App(connector=procrastinate.PsycopgConnector())
    retry = HqRetry(settings)
    app.task(name="hq.similar_fetch", queue="similar", pass_context=True, retry=retry)(
        recorded(similar_fetch, "SELECT api.worker_similar_fail(%s::bigint, %s, %s::int, %s)", "item_id"))
    app.task(name="hq.salesnav_relay", queue="salesnav", pass_context=True, retry=retry)(
        recorded(salesnav_relay, "SELECT api.worker_relay_fail(%s::bigint, %s, %s::int, %s, false)", "row_id"))
    return app


def make_pool(url: str, size: int) -> AsyncConnectionPool:
    async def configure(conn) -> None:
        await conn.execute("SET ROLE hq_worker")  # a constant, not input
        await conn.commit()

    return AsyncConnectionPool(url, min_size=2, max_size=size, open=False, configure=configure,
                               kwargs={"row_factory": dict_row, "options": "-c search_path=procrastinate"})


async def sweep(app: procrastinate.App, rt: Runtime) -> int:
    """Retry the jobs of workers that stopped heartbeating (killed), then give
    a job to every pending item left without one. Returns jobs touched."""
    stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=rt.settings.stalled_after))
    for job in stalled:
        await app.job_manager.retry_job(job)
    requeued = await rt.call("SELECT api.worker_requeue_orphans() AS v")
    if stalled or requeued:
        log.warning("sweep: retried %d stalled job(s), queued %d job(s) for orphaned items", len(stalled), requeued)
    return len(stalled) + (requeued or 0)


async def run(url: str, concurrency: int, queues: list[str] | None, wait: bool, settings: Settings | None = None) -> None:
    settings = settings or Settings()
    app = make_app(settings)
    pool = make_pool(url, concurrency + 4)
    await pool.open(wait=True, timeout=30)
    async with httpx.AsyncClient(timeout=settings.timeout, follow_redirects=False) as http:
        rt = Runtime(settings, pool, http)
        async with app.open_async(pool=pool):
            await sweep(app, rt)

            async def sweeper() -> None:
                while True:
                    await asyncio.sleep(max(1.0, settings.stalled_after / 2))
                    try:
                        await sweep(app, rt)
                    except Exception:  # noqa: BLE001 - the next sweep tries again
                        log.exception("sweep failed")

            side = asyncio.create_task(sweeper())
            try:
                await app.run_worker_async(
                    concurrency=concurrency, queues=queues, wait=wait, additional_context={"hq": rt},
                    update_heartbeat_interval=settings.heartbeat, stalled_worker_timeout=settings.stalled_after,
                    install_signal_handlers=True)
            finally:
                side.cancel()
    await pool.close()
