package io.cloudshift.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DataFrame equality for tests (spark-testing-base is not published for Spark 4): same schema, same
 * rows as a multiset. {@code exceptAll} both ways keeps duplicates visible, unlike {@code except}.
 */
public final class DataFrameAssertions {
  private DataFrameAssertions() {}

  public static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected) {
    assertThat(actual.schema().simpleString()).isEqualTo(expected.schema().simpleString());
    assertThat(actual.count()).as("row count").isEqualTo(expected.count());
    assertThat(actual.exceptAll(expected).collectAsList()).as("rows only in actual").isEmpty();
    assertThat(expected.exceptAll(actual).collectAsList()).as("rows only in expected").isEmpty();
  }
}
