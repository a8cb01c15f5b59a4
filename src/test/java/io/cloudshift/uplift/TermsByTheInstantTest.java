package io.cloudshift.uplift;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.shares.LabProviderMonthly;
import io.cloudshift.shares.ShareShiftEvents;
import io.cloudshift.terms.TermEvents;
import io.cloudshift.testing.ChargesMonthlyRows;
import io.cloudshift.uplift.UpliftFixtures.LabRevenue;
import io.cloudshift.uplift.UpliftFixtures.Terms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * docs/methodology.md#terms-by-the-instant, worked by hand on charges as FOCUS bills them: daily
 * usage, and a monthly subscription that spans the change. The resale share paid to the lab drops
 * from 0.20 to 0 on 27 April 2026 (LabDay), or on 1 April (LabFirstDay, the month rule's case).
 *
 * <pre>
 *   resale       March 2026                     April 2026
 *   azure        300 (subscription, the month)  10 a day, 30 daily charges
 *   aws          100 (subscription, the month)  150 (subscription, 1 April to 1 May)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermsByTheInstantTest {
  private List<Row> lpm;
  private List<Row> uplift;
  private List<Row> shifts;

  @BeforeAll
  void compute() {
    ChargesMonthlyRows charges = new ChargesMonthlyRows();
    for (String lab : List.of("LabDay", "LabFirstDay")) {
      charges
          .addPeriod("azure", lab, "resale", "2026-03", "2026-03-01", "2026-04-01", "300")
          .addPeriod("aws", lab, "resale", "2026-03", "2026-03-01", "2026-04-01", "100")
          .addPeriod("aws", lab, "resale", "2026-04", "2026-04-01", "2026-05-01", "150");
      for (LocalDate day = LocalDate.of(2026, 4, 1);
          day.getMonthValue() == 4;
          day = day.plusDays(1)) {
        charges.addPeriod(
            "azure", lab, "resale", "2026-04", day.toString(), day.plusDays(1).toString(), "10");
      }
    }
    Dataset<Row> chargesMonthly = charges.build().cache();
    Dataset<Row> terms =
        new Terms()
            .add("D1", "LabDay", "azure", "2025-01-01", "2026-04-27", "none", "0.20", null, null)
            .add("D2", "LabDay", "azure", "2026-04-27", null, "none", "0", null, null)
            .add(
                "F1",
                "LabFirstDay",
                "azure",
                "2025-01-01",
                "2026-04-01",
                "none",
                "0.20",
                null,
                null)
            .add("F2", "LabFirstDay", "azure", "2026-04-01", null, "none", "0", null, null)
            .build();
    Dataset<Row> grid =
        LabProviderMonthly.of(chargesMonthly, terms, UpliftFixtures.PROVIDERS, "USD").cache();
    lpm = grid.collectAsList();
    uplift =
        UpliftMonthly.of(
                grid,
                chargesMonthly,
                terms,
                new LabRevenue().build(),
                6,
                12,
                UpliftFixtures.PROVIDERS,
                UpliftFixtures.USD)
            .where(col(Columns.STREAM).equalTo("resale").and(col("model").equalTo("frozen")))
            .collectAsList();
    shifts =
        ShareShiftEvents.of(grid, chargesMonthly, TermEvents.of(terms), List.of(3))
            .where(col(Columns.PROVIDER).equalTo("azure"))
            .collectAsList();
    grid.unpersist();
    chargesMonthly.unpersist();
  }

  private Row lpmCell(String lab, String provider, String month) {
    return lpm.stream()
        .filter(
            r ->
                r.getAs(Columns.LAB).equals(lab)
                    && r.getAs(Columns.PROVIDER).equals(provider)
                    && r.getAs(Columns.MONTH).toString().equals(month + "-01"))
        .findFirst()
        .orElseThrow();
  }

  private Row upliftRow(String eventId, String month) {
    return uplift.stream()
        .filter(
            r ->
                r.getAs(Columns.EVENT_ID).equals(eventId)
                    && r.getAs(Columns.MONTH).toString().equals(month + "-01"))
        .findFirst()
        .orElseThrow();
  }

  private static void assertDec(Row r, String column, String expected) {
    assertThat(r.<BigDecimal>getAs(column)).as(column).isNotNull().isEqualByComparingTo(expected);
  }

  @Test
  void dailyChargesSplitTwentySixDaysToFourInTheProviderNet() {
    // azure April: 26 daily charges of 10 under D1 (p = 0.20) pay 26 x 10 x 0.2 = 52 to the lab,
    // 4 under D2 (p = 0) nothing: net = 300 - 52 = 248. The month rule gave 300 (all under D2).
    Row april = lpmCell("LabDay", "azure", "2026-04");
    assertDec(april, Columns.BILLED_REVENUE, "300");
    assertDec(april, "provider_net_revenue", "248");
    assertThat(april.<String>getAs(Columns.TERMS_RECORD_ID))
        .as("version at the month's end")
        .isEqualTo("D2");
    // March is all D1's: 300 x 0.8 = 240.
    assertDec(lpmCell("LabDay", "azure", "2026-03"), "provider_net_revenue", "240");
  }

  @Test
  void theEventMonthCountsItsDaysAfterTheChangeAndTheSubscriptionPartAfterIt() {
    // From 27 April: azure's 4 daily charges, 40; aws's subscription 150 x 4/30 = 20; T = 60.
    // Baseline (March, the only month before): s0 = 300 / 400 = 0.75, T0 = 400; g0 = 0.8, g1 = 1.
    Row april = upliftRow("D2", "2026-04");
    assertDec(april, UpliftMonthlyTable.MONTH_FRACTION_AFTER, "0.133333333333333333");
    assertDec(april, Columns.BILLED_REVENUE, "40");
    assertDec(april, Columns.LAB_STREAM_TOTAL, "60");
    assertDec(april, Columns.SHARE, "0.666666666666666667");
    assertDec(april, UpliftMonthlyTable.BASELINE_SHARE, "0.75");
    // N_act = 40 x 1 = 40; N_cf = 0.75 x 60 x 0.8 = 36; U = 4
    assertDec(april, UpliftMonthlyTable.NET_ACTUAL, "40");
    assertDec(april, UpliftMonthlyTable.NET_COUNTERFACTUAL, "36");
    assertDec(april, UpliftMonthlyTable.UPLIFT, "4");
    // N_pre = 0.75 x 400 x 0.8 x 4/30 = 32; volume = 36 - 32 = 4; share = 40 x 0.8 - 36 = -4;
    // margin = 40 x (1 - 0.8) = 8
    assertDec(april, UpliftMonthlyTable.NET_PRE_EVENT, "32");
    assertDec(april, UpliftMonthlyTable.VOLUME_EFFECT, "4");
    assertDec(april, UpliftMonthlyTable.SHARE_EFFECT, "-4");
    assertDec(april, UpliftMonthlyTable.MARGIN_EFFECT, "8");
    UpliftMonthlyTest.assertInvariants(april);
    // The month rule counted all of April: R = 300, T = 450, U = 300 - 0.75 x 450 x 0.8 = 30.
  }

  @Test
  void aChangeOnTheFirstGivesTheMonthRulesResult() {
    // F2 from 1 April: the whole of April is after it, R and T as in lab_provider_monthly.
    Row april = upliftRow("F2", "2026-04");
    assertDec(april, UpliftMonthlyTable.MONTH_FRACTION_AFTER, "1");
    assertDec(april, Columns.BILLED_REVENUE, "300");
    assertDec(april, Columns.LAB_STREAM_TOTAL, "450");
    // N_act = 300; N_cf = 0.75 x 450 x 0.8 = 270; U = 30; N_pre = 240
    assertDec(april, UpliftMonthlyTable.UPLIFT, "30");
    assertDec(april, UpliftMonthlyTable.NET_PRE_EVENT, "240");
    assertDec(lpmCell("LabFirstDay", "azure", "2026-04"), "provider_net_revenue", "300");
  }

  @Test
  void theShareShiftsPostWindowStartsAtTheChange() {
    Row d2 =
        shifts.stream()
            .filter(r -> r.getAs(Columns.EVENT_ID).equals("D2"))
            .findFirst()
            .orElseThrow();
    // pre = [Jan, Mar] clipped to March: 300 of 400 = 0.75. post = [Apr, Jun] clipped to April,
    // from the 27th only: 40 of 60. The 1-26 April part is in neither window.
    assertDec(d2, "pre_share", "0.75");
    assertDec(d2, "post_revenue", "40");
    assertDec(d2, "post_total", "60");
    assertDec(d2, "post_share", "0.666666666666666667");
    // (0.666666666666666667 - 0.75) x 100
    assertDec(d2, "delta_pp", "-8.3333333333333333");
  }
}
