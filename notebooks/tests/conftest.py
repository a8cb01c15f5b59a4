"""The notebooks' folder on sys.path (runner.py), and one warehouse for the whole session."""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import runner  # noqa: E402


@pytest.fixture(scope="session")
def warehouse() -> Path:
    """CLOUDSHIFT_NOTEBOOK_WAREHOUSE (read as it is), or a prepared warehouse (runner.prepare_warehouse:
    a copy of CLOUDSHIFT_BUNDLED_WAREHOUSE, or a run-all made here, then one month re-ingested)."""
    given = os.environ.get("CLOUDSHIFT_NOTEBOOK_WAREHOUSE")
    return Path(given).resolve() if given else runner.prepare_warehouse()
