package io.cloudshift.uplift;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.uplift.UpliftFixtures.LabRevenue;
import io.cloudshift.uplift.UpliftFixtures.Lpm;
import io.cloudshift.uplift.UpliftFixtures.Terms;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three counterfactual models of docs/methodology.md#counterfactual-models, worked by hand.
 * Compute stream, so g0 = g1 = 1 and U is the share effect. Every lab's stream total is 100 a
 * month.
 *
 * <pre>
 *   azure's share   Oct Nov Dec Jan Feb Mar | Apr  May  Jun
 *   LabSlide       .90 .85 .80 .75 .70 .65 | .60  .55  .50   (aws the rest; S2 from 1 April)
 *   LabCtl         .50 .50 .50 .50 .50 .50 | .40  .45  .45   (no change since 2020)
 *   LabCtl2        .30 .30 .30 .30 .30 .30 | .30  .30  .30   (changes terms on 1 May)
 *   LabAlone: gcp only, Jan to Jun 2026 (G2 from 1 April): no other lab at gcp, 3 months before.
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterfactualModelsTest {
  private List<Row> rows;

  @BeforeAll
  void compute() {
    Lpm lpm = new Lpm();
    String[] months = {
      "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
      "2026-06"
    };
    int[] slide = {90, 85, 80, 75, 70, 65, 60, 55, 50};
    int[] ctl = {50, 50, 50, 50, 50, 50, 40, 45, 45};
    for (int i = 0; i < months.length; i++) {
      lpm.add("LabSlide", "azure", "compute", months[i], String.valueOf(slide[i]))
          .add("LabSlide", "aws", "compute", months[i], String.valueOf(100 - slide[i]))
          .add("LabCtl", "azure", "compute", months[i], String.valueOf(ctl[i]))
          .add("LabCtl", "aws", "compute", months[i], String.valueOf(100 - ctl[i]))
          .add("LabCtl2", "azure", "compute", months[i], "30")
          .add("LabCtl2", "aws", "compute", months[i], "70");
    }
    lpm.range("LabAlone", "gcp", "compute", "2026-01", "2026-06", "100");
    Terms terms =
        new Terms()
            .add("S1", "LabSlide", "azure", "2020-01-01", "2026-04-01", "none", null, null, null)
            .add("S2", "LabSlide", "azure", "2026-04-01", null, "none", null, null, null)
            .add("C1", "LabCtl", "azure", "2020-01-01", null, "none", null, null, null)
            .add("K1", "LabCtl2", "azure", "2020-01-01", "2026-05-01", "none", null, null, null)
            .add("K2", "LabCtl2", "azure", "2026-05-01", null, "none", null, null, null)
            .add("G1", "LabAlone", "gcp", "2020-01-01", "2026-04-01", "none", null, null, null)
            .add("G2", "LabAlone", "gcp", "2026-04-01", null, "none", null, null, null);
    rows =
        UpliftMonthly.of(
                lpm.build(),
                lpm.chargesMonthly(),
                terms.build(),
                new LabRevenue().build(),
                6,
                12,
                UpliftFixtures.PROVIDERS,
                UpliftFixtures.USD)
            .collectAsList();
  }

  private Row row(String eventId, String model, String month) {
    return rows.stream()
        .filter(
            r ->
                r.getAs(Columns.EVENT_ID).equals(eventId)
                    && r.getAs(UpliftMonthlyTable.MODEL).equals(model)
                    && r.getAs(Columns.MONTH).toString().equals(month + "-01"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(eventId + " " + model + " " + month));
  }

  private void assertModel(
      String eventId, String model, String month, String share, String uplift) {
    Row r = row(eventId, model, month);
    assertThat(r.<BigDecimal>getAs(UpliftMonthlyTable.COUNTERFACTUAL_SHARE))
        .as(model + " " + month + " s_cf")
        .isEqualByComparingTo(share);
    assertThat(r.<BigDecimal>getAs(UpliftMonthlyTable.UPLIFT))
        .as(model + " " + month + " U")
        .isEqualByComparingTo(uplift);
    // s* = s_cf x g0 / g1 = s_cf for compute; the identities hold per model.
    assertThat(r.<BigDecimal>getAs(Columns.BREAK_EVEN_SHARE)).isEqualByComparingTo(share);
    UpliftMonthlyTest.assertInvariants(r);
  }

  @Test
  void theFrozenModelBlamesAPreExistingSlideOnTheChange() {
    // s0 = (90 + 85 + 80 + 75 + 70 + 65) / 600 = 0.775: U = R - 0.775 x 100.
    assertModel("S2", "frozen", "2026-04", "0.775", "-17.5");
    assertModel("S2", "frozen", "2026-05", "0.775", "-22.5");
    assertModel("S2", "frozen", "2026-06", "0.775", "-27.5");
  }

  @Test
  void theTrendModelExtendsTheSlideAndFindsNoEffect() {
    // Least squares through x = -6..-1 (months from d), y = .90 .. .65: slope -0.05, mean x -3.5,
    // mean y 0.775, so the line is 0.775 + (-0.05)(x + 3.5): 0.60 at d, 0.55 and 0.50 after. The
    // share followed the line, so U = 0 (and N_pre = 0.60 x 100 = N_cf: volume 0, share 0).
    assertModel("S2", "trend", "2026-04", "0.60", "0");
    assertModel("S2", "trend", "2026-05", "0.55", "0");
    assertModel("S2", "trend", "2026-06", "0.50", "0");
    assertThat(row("S2", "trend", "2026-04").<Object>getAs(UpliftMonthlyTable.MODEL_NOTE)).isNull();
  }

  @Test
  void theControlModelMovesS0AsTheLabsWhoseTermsDidNotChange() {
    // April: LabCtl and LabCtl2 (whose change comes in May): baseline (300 + 180) / 1200 = 0.40,
    // April (40 + 30) / 200 = 0.35, Δc = -0.05: s_cf = 0.775 - 0.05 = 0.725, U = 60 - 72.5.
    assertModel("S2", "control", "2026-04", "0.725", "-12.5");
    assertThat(row("S2", "control", "2026-04").<Integer>getAs(UpliftMonthlyTable.CONTROL_LABS))
        .isEqualTo(2);
    // May, June: LabCtl2 changed its terms on 1 May, so LabCtl alone: 300 / 600 = 0.50 -> 0.45,
    // Δc = -0.05 again: s_cf = 0.725.
    assertModel("S2", "control", "2026-05", "0.725", "-17.5");
    assertModel("S2", "control", "2026-06", "0.725", "-22.5");
    assertThat(row("S2", "control", "2026-05").<Integer>getAs(UpliftMonthlyTable.CONTROL_LABS))
        .isEqualTo(1);
  }

  @Test
  void aModelWithoutWhatItNeedsIsNullAndSaysWhy() {
    // LabAlone: s0 = 1 at gcp; only 3 months before April (no trend line), no other lab at gcp.
    assertModel("G2", "frozen", "2026-04", "1", "0");
    Row trend = row("G2", "trend", "2026-04");
    assertThat(trend.<Object>getAs(UpliftMonthlyTable.COUNTERFACTUAL_SHARE)).isNull();
    assertThat(trend.<Object>getAs(UpliftMonthlyTable.UPLIFT)).isNull();
    assertThat(trend.<String>getAs(UpliftMonthlyTable.MODEL_NOTE))
        .startsWith("fewer than 4 of the 12 pre-event months have spend");
    Row control = row("G2", "control", "2026-04");
    assertThat(control.<Object>getAs(UpliftMonthlyTable.COUNTERFACTUAL_SHARE)).isNull();
    assertThat(control.<Object>getAs(UpliftMonthlyTable.UPLIFT)).isNull();
    assertThat(control.<Integer>getAs(UpliftMonthlyTable.CONTROL_LABS)).isZero();
    assertThat(control.<String>getAs(UpliftMonthlyTable.MODEL_NOTE)).startsWith("no control labs");
    // N_act does not depend on the model.
    assertThat(control.<BigDecimal>getAs(UpliftMonthlyTable.NET_ACTUAL))
        .isEqualByComparingTo("100");
  }

  @Test
  void theTrendLineIsHeldFlatAfterItsWindowAndClippedToZeroOne() {
    List<Row> slide =
        List.of(point(-4, "0.40"), point(-3, "0.30"), point(-2, "0.20"), point(-1, "0.10"));
    // The line is y = -0.10 x: 0 at d, below 0 after: clipped at 0.
    assertThat(UpliftFormulas.trendShare(slide, 0, 12)).isEqualByComparingTo("0");
    assertThat(UpliftFormulas.trendShare(slide, 5, 12)).isEqualByComparingTo("0");
    List<Row> rising =
        List.of(point(-4, "0.60"), point(-3, "0.70"), point(-2, "0.80"), point(-1, "0.90"));
    // 1.00 at d, 1.10 at k = 1: clipped to 1.
    assertThat(UpliftFormulas.trendShare(rising, 1, 12)).isEqualByComparingTo("1");
    List<Row> gentle =
        List.of(point(-4, "0.50"), point(-3, "0.51"), point(-2, "0.52"), point(-1, "0.53"));
    // 0.54 at d, + 0.01 a month, extended at most w_t = 3 months: 0.57 at k = 3 and after.
    assertThat(UpliftFormulas.trendShare(gentle, 2, 3)).isEqualByComparingTo("0.56");
    assertThat(UpliftFormulas.trendShare(gentle, 3, 3)).isEqualByComparingTo("0.57");
    assertThat(UpliftFormulas.trendShare(gentle, 24, 3)).isEqualByComparingTo("0.57");
    assertThat(UpliftFormulas.trendShare(gentle.subList(0, 3), 0, 3)).as("3 points").isNull();
  }

  private static Row point(int monthsFromEvent, String share) {
    return RowFactory.create(monthsFromEvent, new BigDecimal(share));
  }
}
