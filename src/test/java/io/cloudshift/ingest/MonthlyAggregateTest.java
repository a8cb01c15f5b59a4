package io.cloudshift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cloudshift.currency.CurrencyConversion;
import io.cloudshift.currency.ReferenceRates;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * charges_monthly's charge periods and reporting amounts, worked out by hand from two ECB
 * publications: Wednesday 1 April 2026 (USD 1.10, GBP 0.85 per euro) and Friday 24 April 2026 (USD
 * 1.1364, GBP 0.87).
 */
class MonthlyAggregateTest {
  private static final ReferenceRates RATES =
      ReferenceRates.of(
          Map.of(
              LocalDate.of(2026, 4, 1),
              Map.of("USD", new BigDecimal("1.10"), "GBP", new BigDecimal("0.85")),
              LocalDate.of(2026, 4, 24),
              Map.of("USD", new BigDecimal("1.1364"), "GBP", new BigDecimal("0.87"))));

  private static Dataset<Row> charges() {
    return SparkTestSession.get()
        .sql(
            "SELECT 'f.csv' AS source_file, 'exp' AS export_id, 'azure' AS provider, 'OpenAI' AS"
                + " lab, 'compute' AS stream, DATE'2026-04-01' AS billing_month, billing_currency,"
                + " CAST(s AS TIMESTAMP) AS charge_period_start, CAST(e AS TIMESTAMP) AS"
                + " charge_period_end, CAST(cost AS DECIMAL(38,12)) AS billed_cost, CAST(cost AS"
                + " DECIMAL(38,12)) AS effective_cost, false AS is_ai_workload, true AS"
                + " counts_as_revenue FROM VALUES"
                // Two hourly USD charges of one day: one row for the whole day.
                + " ('USD', '2026-04-27 09:00:00', '2026-04-27 10:00:00', 5),"
                + " ('USD', '2026-04-27 10:00:00', '2026-04-27 11:00:00', 7),"
                // A Saturday: Friday's rate, 100 × 1.1364.
                + " ('EUR', '2026-04-25 10:00:00', '2026-04-25 11:00:00', 100),"
                // A month-long GBP subscription: 10 × 1.10 / 0.85 = 12.94117647058823529…
                + " ('GBP', '2026-04-01 00:00:00', '2026-05-01 00:00:00', 10),"
                // A currency the rates do not quote, and a day 8 days past their last publication.
                + " ('JPY', '2026-04-27 00:00:00', '2026-04-28 00:00:00', 1000),"
                + " ('EUR', '2026-05-02 00:00:00', '2026-05-02 00:00:00', 3)"
                + " AS t(billing_currency, s, e, cost)");
  }

  @Test
  void eachChargePeriodConvertsAtItsStartDaysRateAndNothingTheRatesLackBecomesZero() {
    assertThat(charges().columns()).allSatisfy(c -> assertThat(ChargeColumns.ALL).contains(c));
    CurrencyConversion.Converted monthly =
        MonthlyAggregate.monthly(
            MonthlyAggregate.perFile(charges()), new CurrencyConversion(RATES, "USD"));

    List<Row> rows =
        monthly
            .rows()
            .orderBy(ChargeColumns.CHARGE_PERIOD_START, Columns.BILLING_CURRENCY)
            .collectAsList();
    assertThat(rows)
        .extracting(
            r -> r.getAs(Columns.BILLING_CURRENCY),
            r -> r.getAs(ChargeColumns.CHARGE_PERIOD_START).toString(),
            r -> r.getAs(ChargeColumns.CHARGE_PERIOD_END).toString(),
            r -> r.<Long>getAs(ChargesMonthlyTable.CHARGE_ROWS),
            r -> String.valueOf(r.<Object>getAs(Columns.FX_RATE_DATE)),
            r -> plain(r.getAs(Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX)))
        .containsExactly(
            tuple(
                "GBP",
                "2026-04-01 00:00:00.0",
                "2026-05-01 00:00:00.0",
                1L,
                "2026-04-01",
                "12.941176470588"),
            tuple(
                "EUR",
                "2026-04-25 00:00:00.0",
                "2026-04-26 00:00:00.0",
                1L,
                "2026-04-24",
                "113.640000000000"),
            tuple("JPY", "2026-04-27 00:00:00.0", "2026-04-28 00:00:00.0", 1L, "null", "null"),
            tuple(
                "USD",
                "2026-04-27 00:00:00.0",
                "2026-04-28 00:00:00.0",
                2L,
                "null",
                "12.000000000000"),
            tuple("EUR", "2026-05-02 00:00:00.0", "2026-05-03 00:00:00.0", 1L, "null", "null"));
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.<String>getAs(Columns.REPORTING_CURRENCY)).isEqualTo("USD"));
    assertThat(monthly.missing())
        .extracting(Object::toString)
        .containsExactly(
            "1 charge row(s) in EUR dated 2026-05-02", "1 charge row(s) in JPY dated 2026-04-27");
  }

  private static String plain(BigDecimal value) {
    return value == null ? "null" : value.toPlainString();
  }
}
