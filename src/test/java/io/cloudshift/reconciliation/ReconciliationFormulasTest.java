package io.cloudshift.reconciliation;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.DisclosureColumns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation's arithmetic follows the exact-decimal policy: no double anywhere between the sums
 * and the ratios.
 */
class ReconciliationFormulasTest {
  private static org.apache.spark.sql.Column money(String value) {
    return lit(new BigDecimal(value)).cast(ExactDecimal.MONEY);
  }

  @Test
  void ratiosAreExactToEighteenDecimals() {
    Row r =
        SparkTestSession.get()
            .range(1)
            .select(
                ReconciliationFormulas.ratioToDisclosed(money("1"), money("3")),
                ReconciliationFormulas.ratioToDisclosed(money("2"), money("0")),
                ReconciliationFormulas.ratioToDisclosed(money("2"), money("-5")))
            .head();
    // 1/3 in double is 0.33333333333333331483, which shows at 18 decimals.
    assertThat(r.getDecimal(0)).isEqualTo(new BigDecimal("0.333333333333333333"));
    assertThat(r.isNullAt(1)).as("disclosed 0").isTrue();
    assertThat(r.isNullAt(2)).as("disclosed negative").isTrue();
  }

  @Test
  void moneyKeepsItsTwelveDecimalsThroughSumsAndTheRunRateQuarter() {
    Row r =
        SparkTestSession.get()
            .range(1)
            .select(
                ReconciliationFormulas.labAttributed(
                    money("12345678901234567890.123456789012"), money("0.000000000001")),
                ReconciliationFormulas.quarterlyDisclosed(
                    lit(DisclosureColumns.AI_RUN_RATE_USD), money("0.000000000002")),
                ReconciliationFormulas.quarterlyDisclosed(
                    lit(DisclosureColumns.AI_RUN_RATE_USD), money("10")))
            .head();
    assertThat(r.getDecimal(0)).isEqualTo(new BigDecimal("12345678901234567890.123456789013"));
    // 0.000000000002 / 4 = 0.0000000000005: half-even to 12 decimals.
    assertThat(r.getDecimal(1)).isEqualTo(new BigDecimal("0.000000000000"));
    assertThat(r.getDecimal(2)).isEqualTo(new BigDecimal("2.500000000000"));
  }
}
