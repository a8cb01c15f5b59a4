package io.cloudshift.io;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.testing.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** A small result computed once: the same rows and schema, as one leaf of the plans using it. */
class SmallFramesTest {
  private static Dataset<Row> joined(SparkSession spark) {
    Dataset<Row> left =
        spark.sql(
            "SELECT * FROM VALUES ('a', DATE'2026-04-01', 1.25BD, array(1, 2)),"
                + " ('b', NULL, NULL, NULL) AS t(k, d, amount, xs)");
    Dataset<Row> right = spark.sql("SELECT * FROM VALUES ('a', 10), ('c', 30) AS r(k, n)");
    return left.join(right, new String[] {"k"}, "left").where(col("k").isin("a", "b"));
  }

  private static List<LogicalPlan> leaves(Dataset<Row> rows) {
    return CollectionConverters.asJava(rows.queryExecution().analyzed().collectLeaves());
  }

  @Test
  void keepsEveryRowAndTheSchemaWithDecimalsDatesNullsAndArrays() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> computed = joined(spark);

    Dataset<Row> once = SmallFrames.computedOnce(computed);

    assertThat(once.schema()).isEqualTo(computed.schema());
    assertThat(once.orderBy("k").collectAsList())
        .containsExactlyElementsOf(computed.orderBy("k").collectAsList());
    assertThat(once.orderBy("k").collectAsList().get(0).getDecimal(2)).isEqualByComparingTo("1.25");
    assertThat(once.rdd().getNumPartitions()).isEqualTo(1);
  }

  /**
   * The point of it: a plan using the result twice holds it as two leaves of its own, not twice the
   * join and the scans under it.
   */
  @Test
  void aPlanUsingTheResultTwiceHoldsOnlyLocalRelationsBelowIt() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> once = SmallFrames.computedOnce(joined(spark));

    Dataset<Row> twice = once.unionByName(once.where(col("n").isNotNull()));

    assertThat(leaves(twice)).hasSize(2).allMatch(LocalRelation.class::isInstance);
    assertThat(twice.count()).isEqualTo(3);
  }
}
