package io.cloudshift.ingest.reference;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one curated input becomes: silver rows (in the table's schema) and rejected rows as
 * (reason_code, reason_detail, raw). Every input row is in exactly one of the two
 * (docs/guarantees.md).
 */
record Outcome(Dataset<Row> silver, Dataset<Row> rejected) {
  /**
   * The same outcome held in memory once computed: a curated input is counted and written several
   * times, and recomputing its transformation each time cost more than its few hundred rows.
   */
  Outcome cached() {
    return new Outcome(silver.persist(), rejected.persist());
  }

  void uncache() {
    silver.unpersist();
    rejected.unpersist();
  }
}
