"""Settings every Airflow test shares: the DAG folder, the Spark connection of a local run, and a
complete warehouse of the bundled data to start a DAG run from.

airflow/run-tests sets AIRFLOW_HOME (a folder under target/) and the database before pytest starts;
the connection is set here, in the environment, the way a deployment may set it too.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
DAGS = REPOSITORY / "airflow" / "dags"
# The run id of the complete run of every stage on the bundled data that the Java tests write (BundledPipeline).
BUNDLED_RUN_ID = "bundled-e2e"

os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(DAGS))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ["AIRFLOW_CONN_CLOUDSHIFT_SPARK"] = json.dumps(
    {"conn_type": "spark", "host": "local[2]", "extra": {"deploy-mode": "client", "spark-binary": "spark-submit"}}
)
sys.path.insert(0, str(DAGS))


@pytest.fixture(scope="session")
def bundled_warehouse(tmp_path_factory):
    """A complete run of every stage on the bundled data, run id bundled-e2e; read-only: copy it before writing.

    `mvn verify` passes the one its Java tests wrote in CLOUDSHIFT_BUNDLED_WAREHOUSE. Without it (airflow/run-tests
    run alone), `bin/cloudshift run-all` writes one into a temporary folder first (a few minutes).
    """
    given = os.environ.get("CLOUDSHIFT_BUNDLED_WAREHOUSE")
    if given:
        warehouse = Path(given)
        assert (warehouse / "uplift_quarterly" / "_delta_log").is_dir(), f"CLOUDSHIFT_BUNDLED_WAREHOUSE={given}: no complete warehouse there"
        return warehouse
    warehouse = tmp_path_factory.mktemp("bundled") / "warehouse"
    env = dict(os.environ, CLOUDSHIFT_CDS="off")
    run = subprocess.run([str(REPOSITORY / "bin" / "cloudshift"), "run-all", "--warehouse", str(warehouse), "--run-id", BUNDLED_RUN_ID],
                         env=env, cwd=REPOSITORY, capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-4000:]
    return warehouse
