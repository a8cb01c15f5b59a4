"""What the cloudshift notebooks share: a Spark session that reads Delta, tables by path or from
the catalog, money as floats for charts, headline figures the tests can find, and chart styling.

The notebooks import it from their own folder (Jupyter and papermill start kernels there). Every
Spark call here works both on a local (classic) session and over Spark Connect (SPARK_REMOTE, e.g.
`bin/cloudshift sql-server`): DataFrames and SQL only, no RDDs, SparkContext or delta-spark's
Python DeltaTable (its Connect client needs a Delta Connect plugin the server does not carry).
"""
from __future__ import annotations

import decimal
import os
import warnings
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

REPOSITORY = Path(__file__).resolve().parent.parent

#: One colour per provider in every chart.
PROVIDER_COLOURS = {"azure": "#0078d4", "aws": "#ff9900", "gcp": "#34a853", "oci": "#c74634",
                    "coreweave": "#7b61ff", "(other)": "#9e9e9e"}


def provider_colour(provider: str) -> str:
    return PROVIDER_COLOURS.get(provider, "#607d8b")


#: MIME type of the headline figures a notebook reports (read back by notebooks/tests).
FIGURE_MIME = "application/vnd.cloudshift.figure+json"


def spark_session(app_name: str) -> SparkSession:
    """The active session (a cluster notebook's); else, when SPARK_REMOTE names a Spark Connect
    server (sc://host:port, e.g. `bin/cloudshift sql-server`, as notebooks/run-tests and
    notebooks/render start one for all four notebooks), a session on that server; else a local one
    on the project's shaded jar, which carries Delta Lake at the version the tables were written with."""
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if os.environ.get("SPARK_REMOTE"):
        # The server's Spark already reads Delta (its own settings); the builder takes the URL
        # from SPARK_REMOTE, and a master or jars here would be refused.
        spark = SparkSession.builder.appName(app_name).getOrCreate()
        spark.conf.set("spark.sql.session.timeZone", "UTC")
        return spark
    jar = Path(os.environ.get("CLOUDSHIFT_JAR", REPOSITORY / "target" / "cloudshift.jar"))
    if not jar.is_file():
        raise FileNotFoundError(
            f"{jar} does not exist: build it with `mvn -B -ntp package` (or run `bin/cloudshift run-all`, "
            "which builds it), or point CLOUDSHIFT_JAR at a cloudshift jar")
    # Spark's start-up warnings would land in the notebook: bind to loopback, log as bin/cloudshift does.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    log_config = REPOSITORY / "conf" / "log4j2.properties"
    spark = (SparkSession.builder
             .master(os.environ.get("CLOUDSHIFT_NOTEBOOK_MASTER", "local[2]"))
             .appName(app_name)
             .config("spark.jars", str(jar))
             .config("spark.driver.memory", "2g")
             .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log_config}")
             .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
             .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class Published(NamedTuple):
    """A table's version as a stage that succeeded recorded it in job_runs, and that run's id."""
    version: int
    run_id: str


class Warehouse:
    """cloudshift's tables under one warehouse root (a local path, relative to the repository, or
    any Hadoop URI such as s3a://…), or registered in a catalog database (`--register-tables`).

    `table()` reads each table at its *published* version: the one the latest stage that wrote it
    and SUCCEEDED recorded in job_runs. A stage stopped or killed between two of its tables leaves
    some of them newer than what it published; reading those would mix two runs in one chart, so
    they are read as published, with a warning naming the unpublished version."""

    def __init__(self, spark: SparkSession, root: str, catalog_database: str | None = None):
        self.spark = spark
        self.catalog_database = catalog_database
        self.root = root if "://" in root or root.startswith("/") else str(REPOSITORY / root)
        self._published: dict[str, Published] | None = None

    def _name(self, table: str) -> str:
        return f"{self.catalog_database}.{table}"

    def location(self, table: str) -> str:
        """The table's folder (from the catalog when the tables are read from one)."""
        if self.catalog_database:
            location = urlparse(self.spark.sql(f"DESCRIBE DETAIL {self._name(table)}").first()["location"])
            return location.path if location.scheme == "file" else location.geturl()
        return f"{self.root.rstrip('/')}/{table}"

    def _latest(self, name: str) -> DataFrame:
        if self.catalog_database:
            return self.spark.table(self._name(name))
        return self.spark.read.format("delta").load(self.location(name))

    def published(self) -> dict[str, Published]:
        """Per table, its published version and run (read from job_runs once per Warehouse)."""
        if self._published is None:
            try:
                rows = (self._latest("job_runs").where(F.col("status") == "SUCCEEDED")
                        .select("run_id", "finished_at", F.explode("table_versions").alias("table", "version"))
                        .collect())
            except Exception as error:  # no job_runs: tables written by something else than cloudshift
                warnings.warn(f"job_runs cannot be read ({type(error).__name__}): tables are read at their latest version")
                rows = []
            self._published = {}
            for row in sorted(rows, key=lambda r: r.finished_at):
                self._published[row.table] = Published(row.version, row.run_id)
        return self._published

    def table(self, name: str) -> DataFrame:
        """The table at its published version (job_runs itself: as it is)."""
        if name == "job_runs":
            return self._latest(name)
        published = self.published().get(name)
        if published is None:
            warnings.warn(f"{name}: no stage that succeeded recorded a version of it in job_runs; reading its latest version")
            return self._latest(name)
        latest = self.history(name).select(F.max("version")).first()[0]
        if latest != published.version:
            warnings.warn(f"{name}: version {latest} was written by a stage that did not succeed (stopped, failed or still "
                          f"running); reading version {published.version}, which run {published.run_id} published")
        return self.table_as_of(name, published.version)

    def runs(self, *tables: str) -> dict[str, str]:
        """The run that published each table."""
        published = self.published()
        return {table: published[table].run_id for table in tables if table in published}

    def require_one_run(self, *tables: str) -> str | None:
        """The run all `tables` were published by; warns (and returns None) when they come from several,
        as after a run whose later stages failed or were stopped: figures joined across them may disagree."""
        runs = self.runs(*tables)
        if len(set(runs.values())) > 1:
            warnings.warn("the tables joined here come from different runs: "
                          + ", ".join(f"{t} from {r}" for t, r in sorted(runs.items())))
            return None
        return next(iter(runs.values()), None)

    def table_as_of(self, name: str, version: int) -> DataFrame:
        """The table as a given Delta version left it (time travel)."""
        reader = self.spark.read.format("delta").option("versionAsOf", version)
        return reader.table(self._name(name)) if self.catalog_database else reader.load(self.location(name))

    def history(self, name: str) -> DataFrame:
        """The table's Delta history: one row per commit, newest first. `DESCRIBE HISTORY` gives the
        rows of delta-spark's DeltaTable.history(), and works over Spark Connect too."""
        if self.catalog_database:
            return self.spark.sql(f"DESCRIBE HISTORY {self._name(name)}")
        return self.spark.sql("DESCRIBE HISTORY delta.`{}`".format(self.location(name).replace("`", "``")))

    def __repr__(self) -> str:
        return f"Warehouse({self.catalog_database or self.root})"


def to_pandas(df: DataFrame) -> pd.DataFrame:
    """Spark → pandas with decimal money and shares as floats, for charts and display only
    (the exact decimals stay in the tables; headline figures are summed in Spark)."""
    frame = df.toPandas()
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, decimal.Decimal)).any():
            frame[column] = frame[column].astype(float)
    return frame


def report_figure(name: str, value: float, label: str, unit: str = "USD", **key) -> None:
    """Shows a headline figure, and records it (with the key of the rows it comes from) in the
    notebook's output, where notebooks/tests compare it with the tables."""
    if unit == "USD":
        text = f"{value:,.2f} {unit}"
    elif float(value).is_integer():
        text = f"{value:,.0f} {unit}"
    else:
        text = f"{value:,.4f} {unit}"
    display({FIGURE_MIME: {"name": name, "value": value, "unit": unit, "key": key},
             "text/markdown": f"**{label}:** {text}",
             "text/plain": f"{label}: {text}"}, raw=True)


def usd_billions(axis) -> None:
    """Labels a money axis in billions of USD."""
    axis.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v / 1e9:,.2f}"))
    axis.set_ylabel("USD bn")


def style() -> None:
    """Small, legible charts (the README shows one per notebook as a PNG)."""
    plt.rcParams.update({"figure.figsize": (10, 4.5), "figure.dpi": 80, "axes.grid": True,
                         "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False,
                         "legend.frameon": False, "font.size": 9})
