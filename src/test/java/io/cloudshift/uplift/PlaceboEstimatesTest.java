package io.cloudshift.uplift;

import static io.cloudshift.uplift.UpliftFixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.UpliftEstimatesTable;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.uplift.UpliftFixtures.Lpm;
import io.cloudshift.uplift.UpliftFixtures.Terms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Placebo events, their pools, percentiles and p-values, and the interval on U
 * (docs/methodology.md#intervals), worked by hand. Compute stream: g0 = 1.
 */
class PlaceboEstimatesTest {
  private static final String FROZEN = "frozen";

  /**
   * One lab, stream total 100 a month, azure's share rising 10 points a month (aws the rest); w0 =
   * 2, w_t = 4, h = 2, data January to June 2025, so the placebo months are March, April and May.
   *
   * <pre>
   *   azure R   Jan 20  Feb 30  Mar 40  Apr 50  May 60  Jun 70
   *   frozen, March: s0 = (20 + 30) / 200 = 0.25; (40 − 25) + (50 − 25) = 40 over T 200 → ε = 0.2
   *   frozen, April: s0 = 0.35; (50 − 35) + (60 − 35) = 40 → 0.2; May: s0 = 0.45 → 0.2
   *   trend, May: the line through Jan..Apr (.2 .3 .4 .5) gives .6 and .7 for May and June → ε = 0
   *   trend, March and April: fewer than 4 pre-event months, no line, no placebo
   *   aws: the mirror image (−0.2 frozen, 0 trend); control: no other lab, no placebo
   * </pre>
   */
  @Test
  void everyQuietMonthIsAPlaceboMeasuredLikeTheEvent() {
    Map<String, BigDecimal> effects = placeboEffects(new Terms());
    assertThat(effects)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "azure frozen 2025-03", new BigDecimal("0.2"),
                "azure frozen 2025-04", new BigDecimal("0.2"),
                "azure frozen 2025-05", new BigDecimal("0.2"),
                "azure trend 2025-05", BigDecimal.ZERO,
                "aws frozen 2025-03", new BigDecimal("-0.2"),
                "aws frozen 2025-04", new BigDecimal("-0.2"),
                "aws frozen 2025-05", new BigDecimal("-0.2"),
                "aws trend 2025-05", BigDecimal.ZERO));
  }

  /**
   * A change of the lab's terms with another provider (gcp, 15 June, no spend there) removes the
   * placebos whose window [d′ − 2, d′ + 2) holds June: May's. March and April stay.
   */
  @Test
  void aChangeOfTheLabAnywhereRemovesThePlacebosAroundIt() {
    Terms terms =
        new Terms()
            .add("G1", "L", "gcp", "2020-01-01", "2025-06-15", "none", null, null, null)
            .add("G2", "L", "gcp", "2025-06-15", null, "none", null, null, null);
    assertThat(placeboEffects(terms).keySet())
        .containsExactlyInAnyOrder(
            "azure frozen 2025-03",
            "azure frozen 2025-04",
            "aws frozen 2025-03",
            "aws frozen 2025-04");
  }

  private static Map<String, BigDecimal> placeboEffects(Terms terms) {
    Lpm lpm = new Lpm();
    String[] months = {"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"};
    for (int i = 0; i < months.length; i++) {
      int azure = 20 + 10 * i;
      lpm.add("L", "azure", "compute", months[i], String.valueOf(azure))
          .add("L", "aws", "compute", months[i], String.valueOf(100 - azure));
    }
    Dataset<Row> effects =
        PlaceboEffects.of(
            EventWindows.streamGrid(lpm.build()), UpliftEvents.of(terms.build()), 2, 4, 2);
    return effects.collectAsList().stream()
        .collect(
            Collectors.toMap(
                r ->
                    r.getAs(Columns.PROVIDER)
                        + " "
                        + r.getAs(UpliftMonthlyTable.MODEL)
                        + " "
                        + r.getAs(Columns.EVENT_MONTH).toString().substring(0, 7),
                r -> r.<BigDecimal>getAs(ShareEffectPerTotal.EFFECT).stripTrailingZeros(),
                (a, b) -> a,
                TreeMap::new));
  }

  /**
   * Pools, nearest-rank percentiles and p-values, by hand (frozen, compute, USD):
   *
   * <ul>
   *   <li>E1 (L × azure, ε = 0.05) has 12 placebos of its own, −0.06 to 0.05 by 0.01: pool pair;
   *       5th percentile = rank ⌈0.6⌉ = 1 → −0.06, 95th = rank ⌈11.4⌉ = 12 → 0.05; |ε| ≥ 0.05 for
   *       −0.06, −0.05 and 0.05 → p = 3/12 = 0.25.
   *   <li>E2 (M × azure, ε = −0.30) has 2 of its own (0.00, 0.01): pooled over the stream with L's
   *       12 and N × gcp's 11 (0.10 to 0.20) → 25; 5th = rank ⌈1.25⌉ = 2 → −0.05, 95th = rank
   *       ⌈23.75⌉ = 24 → 0.19; none as large as 0.30 → p = 0.
   *   <li>E3 (L × azure, resale) has 5 placebos in its stream: fewer than 20, no interval, said so.
   * </ul>
   */
  @Test
  void poolsPercentilesAndPValuesByNearestRank() {
    List<Row> placebos = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      placebos.add(placebo("L", "azure", "compute", 2023, i + 1, (i - 6) / 100.0));
    }
    placebos.add(placebo("M", "azure", "compute", 2023, 1, 0.00));
    placebos.add(placebo("M", "azure", "compute", 2023, 2, 0.01));
    for (int i = 0; i < 11; i++) {
      placebos.add(placebo("N", "gcp", "compute", 2023, i + 1, (10 + i) / 100.0));
    }
    for (int i = 0; i < 5; i++) {
      placebos.add(placebo("L", "azure", "resale", 2023, i + 1, 0.01 * i));
    }
    List<Row> events =
        List.of(
            event("L", "azure", "compute", "0.05"),
            event("M", "azure", "compute", "-0.30"),
            event("L", "azure", "resale", "0.02"));
    Map<String, Row> byEvent =
        PlaceboIntervals.of(
                UpliftFixtures.spark().createDataFrame(events, eventSchema()),
                UpliftFixtures.spark().createDataFrame(placebos, placeboSchema()))
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs(Columns.LAB) + " " + r.getAs(Columns.STREAM), r -> r));

    Row e1 = byEvent.get("L compute");
    assertThat(e1.<String>getAs(UpliftEstimatesTable.PLACEBO_POOL)).isEqualTo("pair");
    assertThat(e1.<Integer>getAs(UpliftEstimatesTable.PLACEBOS)).isEqualTo(12);
    assertDecimal(e1, UpliftEstimatesTable.PLACEBO_P05, "-0.06");
    assertDecimal(e1, UpliftEstimatesTable.PLACEBO_P95, "0.05");
    assertDecimal(e1, UpliftEstimatesTable.PLACEBO_P_VALUE, "0.25");
    assertThat(e1.<String>getAs(UpliftEstimatesTable.INTERVAL_NOTE)).isNull();

    Row e2 = byEvent.get("M compute");
    assertThat(e2.<String>getAs(UpliftEstimatesTable.PLACEBO_POOL)).isEqualTo("stream");
    assertThat(e2.<Integer>getAs(UpliftEstimatesTable.PLACEBOS)).isEqualTo(25);
    assertDecimal(e2, UpliftEstimatesTable.PLACEBO_P05, "-0.05");
    assertDecimal(e2, UpliftEstimatesTable.PLACEBO_P95, "0.19");
    assertDecimal(e2, UpliftEstimatesTable.PLACEBO_P_VALUE, "0");

    Row e3 = byEvent.get("L resale");
    assertThat(e3.<Integer>getAs(UpliftEstimatesTable.PLACEBOS)).isEqualTo(5);
    assertThat(e3.<BigDecimal>getAs(UpliftEstimatesTable.PLACEBO_P05)).isNull();
    assertThat(e3.<BigDecimal>getAs(UpliftEstimatesTable.PLACEBO_P_VALUE)).isNull();
    assertThat(e3.<String>getAs(UpliftEstimatesTable.INTERVAL_NOTE))
        .startsWith("only 5 placebos in the stream's pool");
  }

  /**
   * The bound U − ε·ΣT·g0: U = −100 over a horizon with ΣT = 1,000 and g0 = 0.8, placebo
   * percentiles −0.02 and 0.03 → low = −100 − 0.03·1,000·0.8 = −124, high = −100 + 0.02·1,000·0.8 =
   * −84.
   */
  @Test
  void theIntervalShiftsUByThePlaceboPercentilesTimesTheHorizonsTotal() {
    Row bounds =
        UpliftFixtures.spark()
            .sql(
                "SELECT CAST(-100 AS DECIMAL(38,12)) u, CAST(1000 AS DECIMAL(38,12)) t,"
                    + " CAST(0.8 AS DECIMAL(38,18)) g0, CAST(-0.02 AS DECIMAL(38,18)) p05,"
                    + " CAST(0.03 AS DECIMAL(38,18)) p95")
            .select(
                UpliftFormulas.upliftBound(
                        org.apache.spark.sql.functions.col("u"),
                        org.apache.spark.sql.functions.col("p95"),
                        org.apache.spark.sql.functions.col("t"),
                        org.apache.spark.sql.functions.col("g0"))
                    .as("low"),
                UpliftFormulas.upliftBound(
                        org.apache.spark.sql.functions.col("u"),
                        org.apache.spark.sql.functions.col("p05"),
                        org.apache.spark.sql.functions.col("t"),
                        org.apache.spark.sql.functions.col("g0"))
                    .as("high"))
            .head();
    assertDecimal(bounds, "low", "-124");
    assertDecimal(bounds, "high", "-84");
  }

  /**
   * Two worlds in one run, each of six labs with stream total 100 a month from 2023-01 to 2025-12
   * and azure's (world A) or gcp's (world B) share 50 % plus a small periodic wobble (−3 to +3
   * points); lab 0 of each changes terms with that provider on 1 July 2025. In world A the change
   * has no effect: its p-value is not small under any model. In world B it takes 20 share points
   * from July, far outside the wobble: no placebo is as large (p = 0) and the whole interval of U
   * is below 0. The worlds share no provider, so neither is the other's control.
   */
  @Test
  void aPlantedEffectFarOutsideTheNoiseIsRareAmongThePlacebosAndNoEffectIsNot() {
    Lpm lpm = new Lpm();
    Terms terms = new Terms();
    addWorld(lpm, terms, "A", "azure", "aws", 0);
    addWorld(lpm, terms, "B", "gcp", "oci", 20);
    Dataset<Row> lpmRows = lpm.build();
    Dataset<Row> partnershipTerms = terms.build();
    Dataset<Row> monthly =
        UpliftMonthly.of(
                lpmRows,
                lpm.chargesMonthly(),
                partnershipTerms,
                UpliftFixtures.noLabRevenue(),
                6,
                12,
                UpliftFixtures.PROVIDERS,
                UpliftFixtures.USD)
            .cache();
    Map<String, Row> byLabAndModel =
        UpliftEstimates.of(
                monthly,
                UpliftQuarterly.of(monthly, UpliftFixtures.PROVIDERS),
                lpmRows,
                partnershipTerms,
                6,
                12,
                6)
            .where(
                "lab IN ('A0', 'B0') AND stream = 'compute' AND event_month = DATE'2025-07-01'"
                    + " AND quarter_basis = 'calendar' AND horizon = 'cumulative'"
                    + " AND quarter_label = '2025Q4'")
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs(Columns.LAB) + " " + r.getAs(UpliftMonthlyTable.MODEL), r -> r));
    for (String model : List.of(FROZEN, "trend", "control")) {
      Row quiet = byLabAndModel.get("A0 " + model);
      assertThat(quiet.<Integer>getAs(UpliftEstimatesTable.PLACEBOS)).as(model).isGreaterThan(10);
      assertThat(quiet.<BigDecimal>getAs(UpliftEstimatesTable.PLACEBO_P_VALUE))
          .as(model + ": no effect")
          .isGreaterThan(new BigDecimal("0.2"));
      Row hit = byLabAndModel.get("B0 " + model);
      assertThat(hit.<BigDecimal>getAs(UpliftEstimatesTable.PLACEBO_P_VALUE))
          .as(model + ": planted effect")
          .isEqualByComparingTo("0");
      assertThat(hit.<BigDecimal>getAs(UpliftEstimatesTable.UPLIFT_HIGH))
          .as(model + ": the interval's upper end")
          .isNegative();
      assertThat(hit.<BigDecimal>getAs(UpliftEstimatesTable.UPLIFT_LOW))
          .isLessThanOrEqualTo(hit.getAs(UpliftMonthlyTable.UPLIFT));
    }
  }

  /**
   * Six labs {@code world}0..5 at {@code provider} and {@code other}; lab 0 changes in July 2025.
   */
  private static void addWorld(
      Lpm lpm, Terms terms, String world, String provider, String other, int pointsLost) {
    for (int lab = 0; lab < 6; lab++) {
      String name = world + lab;
      terms.add(
          name + "-1",
          name,
          provider,
          "2020-01-01",
          lab == 0 ? "2025-07-01" : null,
          "none",
          null,
          null,
          null);
      for (int m = 0; m < 36; m++) {
        String yearMonth = java.time.YearMonth.of(2023, 1).plusMonths(m).toString();
        int share = 50 + (lab * 7 + m * 13) % 7 - 3;
        if (lab == 0 && m >= 30) {
          share -= pointsLost;
        }
        lpm.add(name, provider, "compute", yearMonth, String.valueOf(share))
            .add(name, other, "compute", yearMonth, String.valueOf(100 - share));
      }
    }
    terms.add(world + "0-2", world + "0", provider, "2025-07-01", null, "none", null, null, null);
  }

  private static void assertDecimal(Row row, String column, String expected) {
    assertThat(row.<BigDecimal>getAs(column)).as(column).isEqualByComparingTo(expected);
  }

  private static Row placebo(
      String lab, String provider, String stream, int year, int monthOfYear, double effect) {
    return RowFactory.create(
        lab,
        provider,
        month(String.format("%d-%02d", year, monthOfYear)),
        stream,
        FROZEN,
        "USD",
        BigDecimal.valueOf(effect).setScale(18));
  }

  private static Row event(String lab, String provider, String stream, String effect) {
    return RowFactory.create(
        lab, provider, month("2026-04"), stream, FROZEN, "USD", new BigDecimal(effect), 6);
  }

  private static StructType eventSchema() {
    return keys()
        .add(UpliftEstimatesTable.EVENT_EFFECT_PER_TOTAL, ExactDecimal.FRACTION)
        .add(UpliftEstimatesTable.EVENT_EFFECT_MONTHS, DataTypes.IntegerType);
  }

  private static StructType placeboSchema() {
    return keys().add(ShareEffectPerTotal.EFFECT, ExactDecimal.FRACTION);
  }

  private static StructType keys() {
    return new StructType()
        .add(Columns.LAB, DataTypes.StringType)
        .add(Columns.PROVIDER, DataTypes.StringType)
        .add(Columns.EVENT_MONTH, DataTypes.DateType)
        .add(Columns.STREAM, DataTypes.StringType)
        .add(UpliftMonthlyTable.MODEL, DataTypes.StringType)
        .add(Columns.REPORTING_CURRENCY, DataTypes.StringType);
  }
}
