"""Settings every Airflow test shares: the DAG folder, and the Spark connection of a local run.

airflow/run-tests sets AIRFLOW_HOME (a folder under target/) and the database before pytest starts;
the connection is set here, in the environment, the way a deployment may set it too.
"""

import json
import os
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
DAGS = REPOSITORY / "airflow" / "dags"

os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(DAGS))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ["AIRFLOW_CONN_CLOUDSHIFT_SPARK"] = json.dumps(
    {"conn_type": "spark", "host": "local[2]", "extra": {"deploy-mode": "client", "spark-binary": "spark-submit"}}
)
sys.path.insert(0, str(DAGS))
