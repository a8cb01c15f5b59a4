"""The engine's floor for ingest: plain Spark copying the benchmark's FOCUS Parquet into a partitioned
Delta table, with no parsing, checks, attribution or aggregates.

bench/bench.py runs it through the PySpark ``spark-submit`` of .venv with cloudshift's jar on the
class path (for Delta), the same master and driver memory as ``bin/cloudshift``:

    spark-submit --jars target/cloudshift.jar bench/plain_copy.py --output DIR EXPORT_DIR...

Each EXPORT_DIR is one export's folder of ``billing_period=YYYY-MM`` partitions; the table at DIR is
partitioned as silver ``charges`` is (billing month, then export id), and written in one Delta
commit. It prints one line, ``copy_s=<seconds> rows=<rows>``: the clock covers planning, reading,
writing and the commit, as the run summary's ``ingest`` seconds do; starting the JVM and Spark is
outside it on both sides.
"""

from __future__ import annotations

import argparse
import time
from functools import reduce
from pathlib import Path

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--output", type=Path, required=True, help="the Delta table to create (must not exist)")
    p.add_argument("exports", type=Path, nargs="+", help="one folder per export, named by its export id")
    args = p.parse_args()
    if args.output.exists():
        raise SystemExit(f"plain_copy: {args.output} exists; it writes only a new table")

    spark = (SparkSession.builder.appName("cloudshift-bench-plain-copy")
             .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
             .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
             .getOrCreate())
    start = time.monotonic()
    exports = [spark.read.parquet(str(folder)).withColumn("export_id", F.lit(folder.name)) for folder in args.exports]
    # The exports are of different FOCUS versions with their own extension columns: one wide table.
    frame = reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), exports)
    frame.write.format("delta").partitionBy("billing_period", "export_id").save(str(args.output))
    seconds = time.monotonic() - start
    rows = spark.read.format("delta").load(str(args.output)).count()
    print(f"copy_s={seconds:.3f} rows={rows}", flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
