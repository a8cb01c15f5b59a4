package io.cloudshift.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small intermediate results that a query uses several times.
 *
 * <p>Spark plans a Dataset used n times in one query n times over (a plan is a tree, not a graph),
 * and every later step analyses, optimises and runs each copy again. The uplift's events, grid and
 * event windows are used up to six times in one query each: its plans had hundreds of operators and
 * its stage about eighty Spark jobs, most of its time on the bundled data
 * (docs/performance.md#the-uplift-stage). Held as a local relation, such a result is computed by
 * one job and is one leaf, of exact size, in the plans that use it.
 */
public final class SmallFrames {
  private SmallFrames() {}

  /**
   * {@code rows} computed now, collected to the driver and put back as one partition of a local
   * relation, with the same schema. For results that fit in the driver's memory with room to spare
   * (aggregates: thousands of rows, not the charges); as a local relation it keeps no lineage, so
   * no executor holds it and none can lose it.
   */
  public static Dataset<Row> computedOnce(Dataset<Row> rows) {
    return rows.sparkSession().createDataFrame(rows.collectAsList(), rows.schema()).coalesce(1);
  }
}
