package io.cloudshift.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.projection.ObservedBases.LabStream;
import io.cloudshift.projection.ObservedBases.MonthlyPoint;
import io.cloudshift.schema.UpliftProjectionTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenarios run on hand-made observations: base values, totals, the grid, missing data. */
class ScenarioProjectorTest {
  /**
   * OpenAI, Apr–Jun 2026 (2026Q2, complete) and July 2026 (2026Q3, incomplete: ignored). compute:
   * azure 90 + aws 10 a month → T = 100/month, T_start = 300, s0(azure) = 270/300 = 0.9. resale:
   * azure 80 + gcp 20 a month → T_start = 300, s0(azure) = 240/300 = 0.8.
   */
  static List<MonthlyPoint> points() {
    List<MonthlyPoint> p = new ArrayList<>();
    for (int m = 4; m <= 6; m++) {
      LocalDate month = LocalDate.of(2026, m, 1);
      p.add(
          new MonthlyPoint(
              "OpenAI",
              "azure",
              "compute",
              month,
              BigDecimal.valueOf(90),
              BigDecimal.valueOf(100)));
      p.add(
          new MonthlyPoint(
              "OpenAI", "aws", "compute", month, BigDecimal.valueOf(10), BigDecimal.valueOf(100)));
      p.add(
          new MonthlyPoint(
              "OpenAI", "azure", "resale", month, BigDecimal.valueOf(80), BigDecimal.valueOf(100)));
      p.add(
          new MonthlyPoint(
              "OpenAI", "gcp", "resale", month, BigDecimal.valueOf(20), BigDecimal.valueOf(100)));
    }
    LocalDate july = LocalDate.of(2026, 7, 1);
    p.add(
        new MonthlyPoint(
            "OpenAI", "azure", "compute", july, BigDecimal.valueOf(50), BigDecimal.valueOf(1000)));
    p.add(
        new MonthlyPoint(
            "OpenAI", "aws", "compute", july, BigDecimal.valueOf(950), BigDecimal.valueOf(1000)));
    return p;
  }

  static final String STREAMS =
      "compute { growth = 0.8, target-share = 0.5, glide = linear }, resale { growth = 0.8,"
          + " target-share = 0.4, glide = linear, old-resale-share = 0.2, new-resale-share = 0 }";

  static String scenario(String extra, String streams) {
    return "[{ id = t, description = \"test\", lab = OpenAI, provider = azure, start-quarter ="
        + " \"2026Q3\", horizon-quarters = 4"
        + (extra.isEmpty() ? "" : ", " + extra)
        + (streams.isEmpty() ? "" : ", " + streams)
        + " }]";
  }

  static ScenarioProjector.Projection run(String scenariosHocon) {
    return ScenarioProjector.project(
        ScenarioConfigTest.read(scenariosHocon), ObservedBases.of(points()));
  }

  static ProjectedQuarter row(ScenarioProjector.Projection p, String stream, int q) {
    return p.quarters().stream()
        .filter(r -> r.stream().equals(stream) && r.quarterIndex() == q)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theBaseIsTheLastCompleteQuarter() {
    Map<LabStream, StreamObservation> obs = ObservedBases.of(points());
    StreamObservation compute = obs.get(new LabStream("OpenAI", "compute"));
    assertThat(compute.baseQuarter().label())
        .as("July alone is not a complete quarter")
        .isEqualTo("2026Q2");
    assertThat(compute.streamTotal()).isEqualByComparingTo("300"); // 100 + 100 + 100
    assertThat(compute.share("azure")).isEqualByComparingTo("0.9"); // (90·3)/300
    assertThat(compute.share("oci")).as("no rows: no observed share").isNull();
  }

  @Test
  void quarterOneByHand() {
    ScenarioProjector.Projection p = run(scenario("", STREAMS));
    // T_1 = 300·1.8^(1/4) = 300·1.158292185 = 347.487655586 (money kept to 6 decimals)
    ProjectedQuarter c = row(p, "compute", 1);
    assertThat(c.quarter().label()).isEqualTo("2026Q3");
    assertThat(c.baseQuarter().label()).isEqualTo("2026Q2");
    assertThat(c.streamTotal()).isEqualByComparingTo("347.487656");
    assertThat(c.share()).isEqualByComparingTo("0.8"); // 0.9 − 0.4·1/4
    assertThat(c.startShareSource()).isEqualTo(UpliftProjectionTable.SOURCE_OBSERVED);
    assertThat(c.netActual()).isEqualByComparingTo("277.990124"); // 0.8·347.487655586·1
    assertThat(c.netCounterfactual()).isEqualByComparingTo("312.738890"); // 0.9·347.487655586·1
    assertThat(c.uplift()).isEqualByComparingTo("-34.748766"); // 277.990124 − 312.738890
    assertThat(c.breakEvenShare()).isEqualByComparingTo("0.9"); // s0·1/1
    assertThat(c.oldResaleShare()).as("no resale share on compute").isNull();
    ProjectedQuarter r = row(p, "resale", 1);
    assertThat(r.share()).isEqualByComparingTo("0.7"); // 0.8 − 0.4·1/4
    assertThat(r.netActual()).isEqualByComparingTo("243.241359"); // 0.7·347.487655586·(1 − 0)
    assertThat(r.netCounterfactual())
        .isEqualByComparingTo("222.392100"); // 0.8·347.487655586·(1 − 0.2)
    assertThat(r.uplift()).isEqualByComparingTo("20.849259"); // 243.241359 − 222.392100
    assertThat(r.breakEvenShare()).isEqualByComparingTo("0.64"); // s0·0.8 = 0.8·0.8
    // Compute reaches its target at the horizon: s_4 = 0.5, T_4 = 300·1.8 = 540, N_act = 270, N_cf
    // = 486.
    ProjectedQuarter c4 = row(p, "compute", 4);
    assertThat(c4.share()).isEqualByComparingTo("0.5");
    assertThat(c4.streamTotal()).isEqualByComparingTo("540");
    assertThat(c4.netActual()).isEqualByComparingTo("270");
    assertThat(c4.netCounterfactual()).isEqualByComparingTo("486");
    // Cumulative U is the running sum.
    BigDecimal sum = BigDecimal.ZERO;
    for (int q = 1; q <= 4; q++) {
      sum = sum.add(row(p, "compute", q).uplift());
      assertThat(row(p, "compute", q).cumulativeUplift()).isEqualByComparingTo(sum);
    }
  }

  @Test
  void theTotalRowIsComputePlusResale() {
    ScenarioProjector.Projection p = run(scenario("", STREAMS));
    // q1: N_act 277.990124 + 243.241359 = 521.231483; N_cf 312.738890 + 222.392100 = 535.130990; U
    // = −13.899507
    ProjectedQuarter t1 = row(p, "total", 1);
    assertThat(t1.netActual()).isEqualByComparingTo("521.231483");
    assertThat(t1.netCounterfactual()).isEqualByComparingTo("535.130990");
    assertThat(t1.uplift()).isEqualByComparingTo("-13.899507");
    assertThat(t1.share()).as("shares are not additive").isNull();
    assertThat(t1.baseQuarter().label()).isEqualTo("2026Q2");
    for (int q = 1; q <= 4; q++) {
      ProjectedQuarter c = row(p, "compute", q);
      ProjectedQuarter r = row(p, "resale", q);
      ProjectedQuarter t = row(p, "total", q);
      assertThat(t.streamTotal()).isEqualByComparingTo(c.streamTotal().add(r.streamTotal()));
      assertThat(t.netActual()).isEqualByComparingTo(c.netActual().add(r.netActual()));
      assertThat(t.netCounterfactual())
          .isEqualByComparingTo(c.netCounterfactual().add(r.netCounterfactual()));
      assertThat(t.uplift()).isEqualByComparingTo(c.uplift().add(r.uplift()));
      assertThat(t.cumulativeUplift())
          .isEqualByComparingTo(c.cumulativeUplift().add(r.cumulativeUplift()));
    }
    assertThat(p.quarters()).hasSize(12); // (compute, resale, total) × 4 quarters
  }

  @Test
  void aSensitivityCellEqualsTheScenarioRunWithThatTargetAndGrowth() {
    ScenarioProjector.Projection grid =
        run(scenario("sensitivity { target-shares = [0.3, 0.6], growths = [0.4, 1.2] }", STREAMS));
    assertThat(grid.grid()).hasSize(2 * 2 * 2); // streams × targets × growths
    // The cell (resale, 0.6, 1.2) against the scenario configured with resale target 0.6 and growth
    // 1.2:
    ScenarioProjector.Projection direct =
        run(
            scenario(
                "",
                "compute { growth = 0.8, target-share = 0.5 }, resale { growth = 1.2, target-share"
                    + " = 0.6, old-resale-share = 0.2, new-resale-share = 0 }"));
    SensitivityCell cell =
        grid.grid().stream()
            .filter(
                c ->
                    c.assumptions().stream().value().equals("resale")
                        && c.targetShare() == 0.6
                        && c.growth() == 1.2)
            .findFirst()
            .orElseThrow();
    BigDecimal act = BigDecimal.ZERO;
    BigDecimal cf = BigDecimal.ZERO;
    for (int q = 1; q <= 4; q++) {
      act = act.add(row(direct, "resale", q).netActual());
      cf = cf.add(row(direct, "resale", q).netCounterfactual());
    }
    assertThat(cell.cumulativeNetActual()).isEqualByComparingTo(act);
    assertThat(cell.cumulativeNetCounterfactual()).isEqualByComparingTo(cf);
    assertThat(cell.cumulativeUplift())
        .isEqualByComparingTo(row(direct, "resale", 4).cumulativeUplift());
    assertThat(cell.breakEvenShare()).isEqualByComparingTo("0.64");
    assertThat(cell.scenarioCase()).isFalse();
  }

  @Test
  void stepAndExponentialGlidesHitTheTargetAtTheHorizon() {
    ScenarioProjector.Projection p =
        run(
            scenario(
                "",
                "compute { growth = 0.8, target-share = 0.55, glide = step }, resale { growth ="
                    + " 0.8, target-share = 0.3, glide = exponential, glide-rate = 0.4,"
                    + " old-resale-share = 0.2, new-resale-share = 0 }"));
    assertThat(row(p, "compute", 1).share()).as("step: at once").isEqualByComparingTo("0.55");
    assertThat(row(p, "compute", 4).share()).isEqualByComparingTo("0.55");
    assertThat(row(p, "resale", 4).share()).isEqualByComparingTo("0.3");
    // exponential, r = 0.6, H = 4, D = 0.8 − 0.3 = 0.5, r^4 = 0.1296: s_1 = 0.3 + 0.5·(0.6 −
    // 0.1296)/0.8704 = 0.570220588
    assertThat(row(p, "resale", 1).share())
        .isCloseTo(new BigDecimal("0.570220588"), within(new BigDecimal("1e-9")));
  }

  @Test
  void aHeldShareKeepsTheObservedStartShare() {
    ScenarioProjector.Projection p = run(scenario("", "compute { growth = 0.8 }"));
    for (int q = 1; q <= 4; q++) {
      assertThat(row(p, "compute", q).share()).isEqualByComparingTo("0.9");
      assertThat(row(p, "compute", q).uplift())
          .as("same share, same terms")
          .isEqualByComparingTo("0");
    }
  }

  @Test
  void aLabOrProviderWithoutDataIsAOneLineErrorNamingTheScenario() {
    String noLab =
        scenario("", "compute { growth = 0.8 }").replace("lab = OpenAI", "lab = Inflection");
    assertThatThrownBy(() -> run(noLab))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].compute: scenario 't'"
                + " (cloudshift.scenarios[0]): lab 'Inflection' has no complete quarter of compute"
                + " spend (USD) in lab_provider_monthly; set compute.start-total-usd and"
                + " compute.start-share to project it");
    String noProvider =
        scenario("", "compute { growth = 0.8 }").replace("provider = azure", "provider = oci");
    assertThatThrownBy(() -> run(noProvider))
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].compute: scenario 't'"
                + " (cloudshift.scenarios[0]): provider 'oci' has no observed share of the compute"
                + " spend (USD) of lab 'OpenAI' in 2026Q2 in lab_provider_monthly; set"
                + " compute.start-share to project it");
  }

  @Test
  void explicitStartValuesProjectALabWithoutData() {
    // start-total-usd is the total of the quarter before the start (2026Q2): T_1 = 1000·1.8^(1/4) =
    // 1158.292185
    String explicit =
        scenario(
                "",
                "compute { growth = 0.8, start-share = 0.25, start-total-usd = 1000, target-share ="
                    + " 0.45 }")
            .replace("lab = OpenAI", "lab = Inflection");
    ProjectedQuarter q1 = row(run(explicit), "compute", 1);
    assertThat(q1.streamTotal()).isEqualByComparingTo("1158.292185");
    assertThat(q1.share()).isEqualByComparingTo("0.3"); // 0.25 + 0.2·1/4
    assertThat(q1.netActual()).isEqualByComparingTo("347.487656"); // 0.3·1158.292185288
    assertThat(q1.netCounterfactual()).isEqualByComparingTo("289.573046"); // 0.25·1158.292185288
    assertThat(q1.startTotalSource()).isEqualTo(UpliftProjectionTable.SOURCE_CONFIGURED);
    assertThat(q1.startShareSource()).isEqualTo(UpliftProjectionTable.SOURCE_CONFIGURED);
    assertThat(q1.baseQuarter().label()).isEqualTo("2026Q2");
  }

  @Test
  void aStartInsideTheDataIsRefused() {
    assertThatThrownBy(
            () -> run(scenario("", "compute { growth = 0.8 }").replace("2026Q3", "2026Q2")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].start-quarter: scenario 't'"
                + " (cloudshift.scenarios[0]) starts in 2026Q2, which is not after the last"
                + " complete quarter of data 2026Q2");
  }

  @Test
  void aLaterStartCompoundsGrowthFromTheBaseQuarter() {
    // Base 2026Q2, start 2026Q4: quarter 1 is 2 quarters after the base: T_1 = 300·1.8^(2/4) =
    // 402.492236
    ProjectedQuarter q1 =
        row(
            run(scenario("", "compute { growth = 0.8 }").replace("2026Q3", "2026Q4")),
            "compute",
            1);
    assertThat(q1.quarter().label()).isEqualTo("2026Q4");
    assertThat(q1.streamTotal()).isEqualByComparingTo("402.492236");
  }
}
