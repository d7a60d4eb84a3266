#!/usr/bin/env bash
# Idempotent set-up on a fresh machine of this image: PostgreSQL extensions
# for tests (pgTAP, plpgsql_check), the venv, and the project installed in it.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
pgver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
pgver=${pgver:-15}
[ -d /usr/lib/postgresql/$pgver/bin ] || need_apt+=("postgresql-$pgver")
ls /usr/share/postgresql/$pgver/extension/pgtap.control >/dev/null 2>&1 || need_apt+=("postgresql-$pgver-pgtap")
ls /usr/share/postgresql/$pgver/extension/plpgsql_check.control >/dev/null 2>&1 || need_apt+=("postgresql-$pgver-plpgsql-check")
# dashboard browser tests: Debian's Chromium, driven by Playwright (no browser download)
command -v chromium >/dev/null 2>&1 || need_apt+=("chromium")
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${need_apt[*]}" >&2
  $SUDO apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_apt[@]}" >/dev/null; }
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.hq-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -e ".[dev]"
  touch "$stamp"
fi
