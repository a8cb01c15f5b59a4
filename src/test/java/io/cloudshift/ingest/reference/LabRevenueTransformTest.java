package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.LabRevenueColumns.ANNUALIZED_RUN_RATE_USD;
import static io.cloudshift.schema.LabRevenueColumns.INPUT;
import static io.cloudshift.schema.LabRevenueColumns.MONTHLY_REVENUE_USD;
import static io.cloudshift.schema.LabRevenueColumns.MONTHS_COVERED;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_END;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_REVENUE_USD;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_START;
import static io.cloudshift.schema.LabRevenueColumns.VALUE_USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.testing.TestConfigs;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabRevenueTransformTest {
  private static final Map<String, String> VALID =
      Inputs.row(
          Columns.FACT_ID,
          "L1",
          Columns.LAB,
          "OpenAI",
          Columns.METRIC,
          ANNUALIZED_RUN_RATE_USD,
          PERIOD_START,
          "2025-07-01",
          PERIOD_END,
          "2025-07-31",
          VALUE_USD,
          "12000000000",
          Columns.SOURCE_URL,
          "https://example.com/l1",
          Columns.CONFIDENCE,
          "reported");

  private final LabRevenueTransform transform =
      new LabRevenueTransform(TestConfigs.bundled(Map.of()).labNames());

  @Test
  void monthlyRevenueIsATwelfthOfARunRateOrThePeriodSpreadOverItsMonths() {
    Outcome out =
        transform.apply(
            Inputs.frame(
                INPUT,
                List.of(
                    VALID, // $12B run-rate → $1B a month
                    Inputs.with(
                        VALID,
                        Columns.FACT_ID,
                        "L2",
                        Columns.METRIC,
                        PERIOD_REVENUE_USD,
                        PERIOD_START,
                        "2024-01-01",
                        PERIOD_END,
                        "2024-12-31",
                        VALUE_USD,
                        "6000000000"),
                    Inputs.with(
                        VALID,
                        Columns.FACT_ID,
                        "L3",
                        Columns.METRIC,
                        PERIOD_REVENUE_USD,
                        PERIOD_START,
                        "2026-01-01",
                        PERIOD_END,
                        "2026-03-31",
                        VALUE_USD,
                        "4800000000"),
                    // A run-rate stated over a two-month window is still a twelfth per month.
                    Inputs.with(
                        VALID,
                        Columns.FACT_ID,
                        "L4",
                        PERIOD_START,
                        "2026-02-01",
                        PERIOD_END,
                        "2026-03-31",
                        VALUE_USD,
                        "25000000000"),
                    // $100 over 3 months = 33.333… → rounded to the cent.
                    Inputs.with(
                        VALID,
                        Columns.FACT_ID,
                        "L5",
                        Columns.METRIC,
                        PERIOD_REVENUE_USD,
                        PERIOD_START,
                        "2025-11-15",
                        PERIOD_END,
                        "2026-01-14",
                        VALUE_USD,
                        "100"))));

    assertThat(out.rejected().count()).isZero();
    assertThat(out.silver().orderBy(Columns.FACT_ID).collectAsList())
        .extracting(
            r -> r.getAs(Columns.FACT_ID),
            r -> r.getAs(MONTHS_COVERED),
            r -> r.getAs(MONTHLY_REVENUE_USD))
        .containsExactly(
            tuple("L1", 1, new BigDecimal("1000000000.00")),
            tuple("L2", 12, new BigDecimal("500000000.00")),
            tuple("L3", 3, new BigDecimal("1600000000.00")),
            tuple("L4", 2, new BigDecimal("2083333333.33")),
            tuple("L5", 3, new BigDecimal("33.33")));
  }

  @Test
  void silverHasTheTableSchema() {
    Outcome out =
        transform.apply(
            Inputs.frame(
                INPUT,
                List.of(
                    Inputs.with(
                        VALID,
                        Columns.METRIC,
                        "Annualized_Run_Rate_USD",
                        Columns.NOTES,
                        " note "))));

    assertThat(out.silver().schema().fieldNames())
        .containsExactly(LabRevenueTable.SPEC.schema().fieldNames());
    assertThat(Arrays.stream(out.silver().schema().fields()).map(f -> f.dataType()).toList())
        .isEqualTo(
            Arrays.stream(LabRevenueTable.SPEC.schema().fields()).map(f -> f.dataType()).toList());
    Row row = out.silver().first();
    assertThat((String) row.getAs(Columns.METRIC)).isEqualTo(ANNUALIZED_RUN_RATE_USD);
    assertThat((BigDecimal) row.getAs(VALUE_USD)).isEqualTo(new BigDecimal("12000000000.00"));
    assertThat(row.getAs(PERIOD_START).toString()).isEqualTo("2025-07-01");
    assertThat((String) row.getAs(Columns.NOTES)).isEqualTo("note");
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(
            ReasonCode.NULL_REQUIRED, Inputs.with(VALID, VALUE_USD, null), "value_usd is empty"),
        Arguments.of(
            ReasonCode.BAD_DATE,
            Inputs.with(VALID, PERIOD_END, "Jul 2025"),
            "period_end='Jul 2025'"),
        Arguments.of(
            ReasonCode.BAD_NUMBER,
            Inputs.with(VALID, VALUE_USD, "12B"),
            "value_usd='12B' is not a number"),
        Arguments.of(
            ReasonCode.NEGATIVE_AMOUNT,
            Inputs.with(VALID, VALUE_USD, "-1"),
            "value_usd='-1' is negative"),
        Arguments.of(
            ReasonCode.BAD_VALUE,
            Inputs.with(VALID, Columns.METRIC, "arr"),
            "metric='arr' is not one of annualized_run_rate_usd, period_revenue_usd"),
        Arguments.of(
            ReasonCode.BAD_VALUE,
            Inputs.with(VALID, Columns.CONFIDENCE, "maybe"),
            "confidence='maybe'"),
        Arguments.of(
            ReasonCode.BAD_PERIOD,
            Inputs.with(VALID, PERIOD_END, "2025-06-30"),
            "period_end='2025-06-30' is before period_start='2025-07-01'"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badRows")
  void oneBadRowIsQuarantinedWithItsReason(
      ReasonCode code, Map<String, String> bad, String detail) {
    Dataset<Row> input =
        Inputs.frame(INPUT, List.of(Inputs.with(VALID, Columns.FACT_ID, "OK"), bad));

    Outcome out = transform.apply(input);

    List<Row> rejected = out.rejected().collectAsList();
    assertThat(rejected).hasSize(1);
    assertThat((String) rejected.get(0).getAs(RejectedColumns.REASON_CODE)).isEqualTo(code.name());
    assertThat((String) rejected.get(0).getAs(RejectedColumns.REASON_DETAIL)).contains(detail);
    assertThat(out.silver().collectAsList())
        .extracting(r -> r.getAs(Columns.FACT_ID))
        .containsExactly("OK");
    assertThat(out.silver().count() + out.rejected().count()).isEqualTo(input.count());
  }
}
