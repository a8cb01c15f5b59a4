package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ShareFormulasTest {

  @Test
  void shareIsExactToEighteenDigitsAndNullWhenTheTotalIsNotPositive() {
    Dataset<Row> values =
        SharesFixtures.spark()
            .sql(
                "SELECT * FROM VALUES "
                    + "(1, CAST(1 AS DECIMAL(38,12)), CAST(3 AS DECIMAL(38,12))), "
                    + "(2, CAST(5 AS DECIMAL(38,12)), CAST(0 AS DECIMAL(38,12))), "
                    + "(3, CAST(5 AS DECIMAL(38,12)), CAST(-2 AS DECIMAL(38,12))), "
                    + "(4, CAST(NULL AS DECIMAL(38,12)), CAST(3 AS DECIMAL(38,12))), "
                    + "(5, CAST(-1 AS DECIMAL(38,12)), CAST(4 AS DECIMAL(38,12))), "
                    + "(6, CAST(2 AS DECIMAL(38,12)), CAST(NULL AS DECIMAL(38,12))) "
                    + "AS t(id, r, total)");
    List<Row> rows =
        values
            .select(col("id"), ShareFormulas.share(col("r"), col("total")).as("s"))
            .orderBy("id")
            .collectAsList();
    // 1 / 3 at 18 digits (Spark's own decimal division would stop at 6: 0.333333).
    assertThat(rows.get(0).<BigDecimal>getAs("s"))
        .isEqualTo(new BigDecimal("0.333333333333333333"));
    assertThat(rows.get(1).<Object>getAs("s")).as("T = 0").isNull();
    assertThat(rows.get(2).<Object>getAs("s")).as("T < 0").isNull();
    assertThat(rows.get(3).<Object>getAs("s")).as("R null").isNull();
    // A credit with a positive total is a negative share: -1 / 4.
    assertThat(rows.get(4).<BigDecimal>getAs("s")).isEqualByComparingTo("-0.25");
    assertThat(rows.get(5).<Object>getAs("s")).as("T null (empty window)").isNull();
  }

  @Test
  void plainFunctionsBehindTheColumns() {
    assertThat(ShareFormulas.ratio(new BigDecimal("2"), new BigDecimal("3")))
        .isEqualTo(new BigDecimal("0.666666666666666667"));
    // 0.3^2 x 10000 = 900.
    assertThat(ShareFormulas.hhiTerm(new BigDecimal("0.3"))).isEqualByComparingTo("900");
    assertThat(ShareFormulas.effective(new BigDecimal("3800")))
        .isEqualTo(new BigDecimal("2.631578947368"));
    assertThat(ShareFormulas.effective(BigDecimal.ZERO)).isNull();
    // A share of 10^9 or more (credits netting T to almost nothing) is null, not an overflow.
    assertThat(ShareFormulas.ratio(new BigDecimal("1000"), new BigDecimal("0.000001"))).isNull();
    assertThat(ShareFormulas.ratio(new BigDecimal("999.999999"), new BigDecimal("0.000001")))
        .isEqualByComparingTo("999999999");
  }

  @Test
  void deltaInPercentagePointsKeepsSixteenDigits() {
    Row row =
        SharesFixtures.spark()
            .sql(
                "SELECT CAST(0.142857142857142857 AS DECIMAL(38,18)) AS post, CAST(0.1 AS"
                    + " DECIMAL(38,18)) AS pre")
            .select(ShareFormulas.deltaPp(col("post"), col("pre")).as("d"))
            .head();
    // (0.142857142857142857 - 0.1) x 100 = 4.2857142857142857 (plain Spark decimals would keep 13
    // digits).
    assertThat(row.<BigDecimal>getAs("d")).isEqualByComparingTo("4.2857142857142857");
  }
}
