"""cloudshift, one billing month per run: ingest -> shares -> uplift -> project -> reconcile -> maintain.

Each run covers one calendar month (its data interval). ``ingest`` replaces that month's slices and
those of the months before it still open to re-delivery (``--period YYYY-MM:YYYY-MM``): providers
deliver a month-to-date export when the run starts and finalise the month days later, so the next
run picks up what was re-delivered, and ``restatements`` records what changed. The gold stages,
which take no period, recompute every month from them; ``maintain`` then compacts, vacuums and
checkpoints the tables. Every stage gets the Airflow run id as ``--run-id``: a retried task rewrites the same rows. Runs catch up month by month for a backfill, one at a time (Delta's single-writer rule for a
warehouse). Where Spark runs is the Airflow connection ``cloudshift_spark`` (conn type ``spark``:
host = master URL such as ``spark://host:7077``, ``yarn`` or ``local[*]``; extra ``deploy-mode``);
``spark-submit`` must be on the worker's PATH. What cloudshift reads and writes is its own config,
named by the environment of the Airflow workers:

- ``CLOUDSHIFT_JAR``: the application jar (default: ``target/cloudshift.jar`` of this repository)
- ``CLOUDSHIFT_CONFIG``: comma-separated config files, later wins (default: ``conf/cloudshift.conf``)
- ``CLOUDSHIFT_JARS``: comma-separated extra jars for spark-submit, e.g. hadoop-aws and the AWS SDK
  modules of ``target/s3a/`` (default: none)
- ``CLOUDSHIFT_RESTATEMENT_MONTHS``: months before the run's month that ingest reads again, for
  re-deliveries (default: 2; 0 reads the run's month only)

Each task passes its OpenLineage run to spark-submit as the parent of the stage's lineage events
(``spark.openlineage.parentJobNamespace``, ``parentJobName``, ``parentRunId`` and the DAG run as the
``rootParent*``, from ``apache-airflow-providers-openlineage``), whatever ``[openlineage]
spark_inject_parent_job_info`` says; cloudshift sends events only when its own config turns lineage
on (``cloudshift.lineage``, docs/operations.md#lineage).

Exit code 2 from a stage means bad input or configuration: the task fails without retrying (fix
it, then clear the task). Any other failure (exit 1: a failed Spark job, a commit conflict) is
retried with exponential back-off.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG
from airflow.sdk.exceptions import AirflowException, AirflowFailException
from airflow.timetables.interval import CronDataIntervalTimetable

REPOSITORY = Path(__file__).resolve().parents[2]
JAR = os.environ.get("CLOUDSHIFT_JAR", str(REPOSITORY / "target" / "cloudshift.jar"))
CONFIG_FILES = os.environ.get("CLOUDSHIFT_CONFIG", str(REPOSITORY / "conf" / "cloudshift.conf")).split(",")
EXTRA_JARS = os.environ.get("CLOUDSHIFT_JARS") or None
SPARK_CONNECTION = "cloudshift_spark"
RESTATEMENT_MONTHS = int(os.environ.get("CLOUDSHIFT_RESTATEMENT_MONTHS", "2"))
if RESTATEMENT_MONTHS < 0:
    raise ValueError(f"CLOUDSHIFT_RESTATEMENT_MONTHS={RESTATEMENT_MONTHS}: the months before the run's to read again, 0 or more")
STAGES = ["ingest", "shares", "uplift", "project", "reconcile", "maintain"]
# The stages that process a period of billing months; the others recompute (or maintain) every month.
PERIOD_STAGES = {"ingest"}
# The run's month and the RESTATEMENT_MONTHS before it, e.g. 2026-07:2026-09 for September.
PERIOD = (
    f"{{{{ data_interval_start.subtract(months={RESTATEMENT_MONTHS}).strftime('%Y-%m') }}}}"
    ":{{ data_interval_start.strftime('%Y-%m') }}"
)
# cloudshift's exit code for bad input or configuration (README "Commands"): retrying cannot help.
USAGE_ERROR_EXIT_CODE = 2


class CloudshiftStageOperator(SparkSubmitOperator):
    """spark-submit of one cloudshift stage, failing without retries when the stage exits with 2."""

    def __init__(self, *, stage: str, **kwargs) -> None:
        arguments = [stage]
        if stage in PERIOD_STAGES:
            arguments += ["--period", PERIOD]
        arguments += ["--run-id", "{{ run_id }}"]
        for config_file in CONFIG_FILES:
            arguments += ["--config", config_file]
        super().__init__(
            task_id=stage,
            conn_id=SPARK_CONNECTION,
            application=JAR,
            java_class="io.cloudshift.cli.CloudshiftCli",
            jars=EXTRA_JARS,
            name=f"cloudshift-{stage}",
            application_args=arguments,
            # The stage's lineage names this task's run as its parent, so a lineage backend links the
            # Airflow task to the tables the stage read and wrote.
            openlineage_inject_parent_job_info=True,
            **kwargs,
        )

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowException as failure:
            # The Spark provider reports spark-submit's exit status only in this message.
            if re.search(rf"Error code is: {USAGE_ERROR_EXIT_CODE}\b", str(failure)):
                raise AirflowFailException(
                    f"cloudshift {self.task_id} stopped on bad input or configuration (exit code 2, "
                    "see the log); not retried: fix it, then clear the task"
                ) from failure
            raise


with DAG(
    dag_id="cloudshift_monthly",
    description="cloudshift: one billing month (and the re-deliveries of the months before) through every stage",
    schedule=CronDataIntervalTimetable("0 0 1 * *", timezone="UTC"),
    start_date=pendulum.datetime(2023, 1, 1, tz="UTC"),
    catchup=True,
    max_active_runs=1,
    default_args={
        "retries": 3,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
        "execution_timeout": timedelta(hours=3),
    },
    tags=["cloudshift"],
) as dag:
    previous = None
    for stage in STAGES:
        task = CloudshiftStageOperator(stage=stage)
        if previous is not None:
            previous >> task
        previous = task
