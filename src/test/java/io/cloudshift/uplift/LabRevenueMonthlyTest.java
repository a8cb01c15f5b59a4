package io.cloudshift.uplift;

import static io.cloudshift.schema.LabRevenueColumns.ANNUALIZED_RUN_RATE_USD;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_REVENUE_USD;
import static io.cloudshift.uplift.UpliftFixtures.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.schema.Columns;
import io.cloudshift.uplift.UpliftFixtures.LabRevenue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * LabRevenue(L, m): covering figure with the latest start wins, carry-forward, null before the
 * first figure.
 */
class LabRevenueMonthlyTest {
  @Test
  void picksTheCoveringFigureWithTheLatestStartCarriesForwardAndIsNullBeforeTheFirstFigure() {
    Dataset<Row> figures =
        new LabRevenue()
            // Lab A
            .add("A1", "A", PERIOD_REVENUE_USD, "2026-01-01", "2026-06-30", "1000") // Jan-Jun
            .add(
                "A2",
                "A",
                ANNUALIZED_RUN_RATE_USD,
                "2026-03-01",
                "2026-03-31",
                "1500") // Mar, run-rate
            .add(
                "A3",
                "A",
                PERIOD_REVENUE_USD,
                "2026-03-01",
                "2026-03-31",
                "1600") // Mar, same start
            .add("A4", "A", ANNUALIZED_RUN_RATE_USD, "2026-05-10", "2026-05-31", "2400") // May
            // Lab B: two figures end in February with the same start and metric: the smaller
            // fact_id wins
            .add("B2", "B", PERIOD_REVENUE_USD, "2026-01-01", "2026-02-28", "700")
            .add("B1", "B", PERIOD_REVENUE_USD, "2026-01-01", "2026-02-28", "800")
            .add("B0", "B", PERIOD_REVENUE_USD, "2025-06-01", "2025-06-30", "50")
            .build();
    Dataset<Row> months =
        labMonths(
            "A", "2025-12", "A", "2026-01", "A", "2026-03", "A", "2026-04", "A", "2026-05", "A",
            "2026-06", "A", "2026-07", "A", "2026-09", "B", "2026-02", "B", "2026-04", "C",
            "2026-01");

    List<Row> rows = LabRevenueMonthly.of(figures, months).orderBy("lab", "month").collectAsList();

    assertThat(rows)
        .extracting(
            r -> r.getAs(Columns.LAB),
            r -> r.getAs(Columns.MONTH),
            r ->
                r.<BigDecimal>getAs(Columns.LAB_REVENUE_USD) == null
                    ? null
                    : r.<BigDecimal>getAs(Columns.LAB_REVENUE_USD).intValueExact(),
            r -> r.getAs(Columns.LAB_REVENUE_FACT_ID),
            r -> r.getAs(LabRevenueMonthly.CARRIED_FORWARD))
        .containsExactly(
            tuple("A", month("2025-12"), null, null, null), // before the first figure: unknown
            tuple("A", month("2026-01"), 1000, "A1", false), // only A1 covers January
            tuple(
                "A",
                month("2026-03"),
                1500,
                "A2",
                false), // A2, A3 start after A1; tie -> run-rate first
            tuple("A", month("2026-04"), 1000, "A1", false), // only A1 covers April
            tuple(
                "A",
                month("2026-05"),
                2400,
                "A4",
                false), // A4 (10 May) covers May at month granularity
            tuple("A", month("2026-06"), 1000, "A1", false),
            tuple(
                "A",
                month("2026-07"),
                1000,
                "A1",
                true), // nothing covers July: A1 (last covered June) carries
            tuple("A", month("2026-09"), 1000, "A1", true),
            tuple(
                "B", month("2026-02"), 800, "B1", false), // same start and metric: fact_id B1 < B2
            tuple("B", month("2026-04"), 800, "B1", true), // carried from February, same tie-break
            tuple("C", month("2026-01"), null, null, null)); // a lab without figures
  }

  private static Dataset<Row> labMonths(String... labMonth) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < labMonth.length; i += 2) {
      rows.add(RowFactory.create(labMonth[i], month(labMonth[i + 1])));
    }
    StructType schema =
        new StructType().add("lab", DataTypes.StringType).add("month", DataTypes.DateType);
    return UpliftFixtures.spark().createDataFrame(rows, schema);
  }
}
