package io.cloudshift.currency;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.FxRatesTable;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** USD figures by month into GBP, worked out by hand from three ECB publication days. */
class UsdToReportingTest {
  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> fxRates() {
    return spark.createDataFrame(
        List.of(
            // Friday 27 February 2026: 1 EUR = 1.10 USD = 0.88 GBP, so 1 USD = 0.8 GBP.
            rate("2026-02-27", "USD", "1.10"),
            rate("2026-02-27", "GBP", "0.88"),
            rate("2026-02-27", "JPY", "160"),
            // Wednesday 1 April 2026: 1 EUR = 1.25 USD = 0.75 GBP, so 1 USD = 0.6 GBP.
            rate("2026-04-01", "USD", "1.25"),
            rate("2026-04-01", "GBP", "0.75")),
        FxRatesTable.SPEC.schema());
  }

  private static Row rate(String day, String currency, String unitsPerEuro) {
    return RowFactory.create(Date.valueOf(day), currency, new BigDecimal(unitsPerEuro));
  }

  @Test
  void aMonthConvertsAtTheRateOfItsFirstDayOrTheLastPublicationBefore() {
    UsdToReporting toGbp = UsdToReporting.of("GBP", this::fxRates);
    Dataset<Row> months =
        spark.createDataFrame(
            List.of(
                RowFactory.create(Date.valueOf("2026-03-01"), new BigDecimal("1000")),
                RowFactory.create(Date.valueOf("2026-04-01"), new BigDecimal("1000")),
                RowFactory.create(Date.valueOf("2026-05-01"), new BigDecimal("1000"))),
            new StructType().add("month", DataTypes.DateType).add("usd", ExactDecimal.MONEY));
    List<Row> converted =
        months
            .select(toGbp.convert(col("usd"), col("month"), ExactDecimal.MONEY).as("gbp"))
            .collectAsList();

    // March: 1 March is a Sunday, so Friday 27 February's rate: 1000 x 0.8 = 800.
    assertThat(converted.get(0).getDecimal(0)).isEqualByComparingTo("800");
    // April: its own first day: 1000 x 0.6 = 600.
    assertThat(converted.get(1).getDecimal(0)).isEqualByComparingTo("600");
    // May: the rates end on 1 April, 30 days before: null, never 0.
    assertThat(converted.get(2).isNullAt(0)).isTrue();
    assertThat(toGbp.lastMonthCovered()).contains(LocalDate.of(2026, 4, 1));
  }

  @Test
  void usdNeedsNoRateAndReadsNone() {
    UsdToReporting toUsd =
        UsdToReporting.of(
            "USD",
            () -> {
              throw new AssertionError("fx_rates read for a USD report");
            });
    assertThat(toUsd.lastMonthCovered()).isEmpty();
    assertThat(
            spark
                .sql("SELECT CAST(12.5 AS DECIMAL(38,12)) AS usd, DATE'2030-01-01' AS month")
                .select(toUsd.convert(col("usd"), col("month"), ExactDecimal.MONEY))
                .head()
                .getDecimal(0))
        .isEqualByComparingTo("12.5");
  }
}
