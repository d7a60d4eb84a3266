#!/usr/bin/env bash
# Run every test: pgTAP files (each assertion a pytest subtest), plpgsql_check,
# squawk, migrations and the Python shell. Starts its own PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/pytest "$@"
