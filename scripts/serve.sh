#!/usr/bin/env bash
# Serve the API: with DATABASE_URL unset, a project-local cluster under .hq/pg
# is created, started and migrated first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/hq serve "$@"
