"""The notebooks' helper reads tables registered in a catalog (bin/cloudshift --register-tables)
exactly as it reads them by path; checked against delta-rs, not against the helper itself."""
from deltalake import DeltaTable

import cloudshift_notebook as cs


def test_tables_registered_in_a_catalog_read_like_tables_by_path(warehouse):
    spark = cs.spark_session("cloudshift · notebook helper test")
    try:
        spark.sql("CREATE DATABASE IF NOT EXISTS notebook_test")
        for table in ("charges", "uplift_quarterly"):
            spark.sql(f"CREATE TABLE notebook_test.{table} USING DELTA LOCATION '{warehouse / table}'")
        by_catalog = cs.Warehouse(spark, "not-read", catalog_database="notebook_test")

        assert by_catalog.location("charges") == str(warehouse / "charges")
        assert by_catalog.table("uplift_quarterly").count() == len(DeltaTable(str(warehouse / "uplift_quarterly")).to_pandas())
        charges = DeltaTable(str(warehouse / "charges"))
        versions = [commit["version"] for commit in charges.history()]
        assert len(versions) >= 2  # the prepared warehouse re-ingests one month
        assert [row.version for row in by_catalog.history("charges").select("version").collect()] == versions
        charges.load_as_version(versions[-1])
        assert by_catalog.table_as_of("charges", versions[-1]).count() == len(charges.to_pandas(columns=["export_id"]))
    finally:
        spark.stop()
