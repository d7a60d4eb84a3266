"""Run every tests/sql/*.sql pgTAP file against a fresh clone of the template.

Each file is one test; each pgTAP assertion is a pytest subtest (tap.py).
"""

from __future__ import annotations

import pytest

from tap import FILES, check_tap_file


def test_there_are_pgtap_files():
    assert FILES, "no tests/sql/*.sql files found"


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_pgtap_file(path, make_db, subtests):
    check_tap_file(make_db(), path, subtests)
