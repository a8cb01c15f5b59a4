package io.cloudshift.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * docs/methodology.md#projection formulas, with every expected value worked out by hand; exact
 * where the arithmetic is.
 */
class ProjectionFormulasTest {
  private static final BigDecimal HALF = d("0.5");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static BigDecimal share(Glide glide, String s0, String target, int q, int horizon) {
    return ProjectionFormulas.share(glide, d(s0), d(target), q, horizon, HALF);
  }

  @Test
  void linearGlideFromNinetyToFiftyPercentOverFourQuartersIsExact() {
    // s_q = s0 − (s0 − target)·q/H = 0.9 − 0.4·q/4: 0.8, 0.7, 0.6, 0.5 exactly (no binary fraction)
    assertThat(share(Glide.LINEAR, "0.9", "0.5", 1, 4)).isEqualByComparingTo("0.8");
    assertThat(share(Glide.LINEAR, "0.9", "0.5", 2, 4)).isEqualByComparingTo("0.7");
    assertThat(share(Glide.LINEAR, "0.9", "0.5", 3, 4)).isEqualByComparingTo("0.6");
    assertThat(share(Glide.LINEAR, "0.9", "0.5", 4, 4)).isEqualByComparingTo("0.5");
    assertThat(share(Glide.LINEAR, "0.9", "0.5", 0, 4))
        .as("q = 0 is the start")
        .isEqualByComparingTo("0.9");
  }

  @Test
  void annualGrowthIsAppliedPerQuarterAsTheFourthRoot() {
    // 0.8/yr: quarterly factor 1.8^(1/4) = e^(ln 1.8 / 4) = e^(0.587786665 / 4)
    //   = e^0.146946666 = 1.158292185
    assertThat(ProjectionFormulas.growthFactor(d("0.8"), 1))
        .isCloseTo(d("1.158292185"), within(d("1e-9")));
    // T_q = 300·1.8^(q/4): q=1 → 347.487655586, q=2 → 300·√1.8 = 402.492235950;
    // whole years are exact: q=4 → 300·1.8 = 540, q=8 → 300·3.24 = 972,
    // q=5 → 540·1.158292185 = 625.477780055
    assertThat(ProjectionFormulas.streamTotal(d("300"), d("0.8"), 1))
        .isCloseTo(d("347.487655586"), within(d("1e-6")));
    assertThat(ProjectionFormulas.streamTotal(d("300"), d("0.8"), 2))
        .isCloseTo(d("402.492235950"), within(d("1e-6")));
    assertThat(ProjectionFormulas.streamTotal(d("300"), d("0.8"), 4)).isEqualByComparingTo("540");
    assertThat(ProjectionFormulas.streamTotal(d("300"), d("0.8"), 8)).isEqualByComparingTo("972");
    assertThat(ProjectionFormulas.streamTotal(d("300"), d("0.8"), 5))
        .isCloseTo(d("625.477780055"), within(d("1e-6")));
  }

  @Test
  void quarterOneNetRevenuesAndUpliftByHand() {
    // Resale, s0 = 0.9 gliding to 0.5 over 4 quarters, T_start = 300, g = 0.8, p0 = 0.2, p1 = 0:
    //   T_1   = 300 · 1.158292185 = 347.487655586
    //   s_1   = 0.8,  g1 = 1 − 0 = 1,  g0 = 1 − 0.2 = 0.8
    //   N_act = 0.8 · 347.487655586 · 1   = 277.990124469
    //   N_cf  = 0.9 · 347.487655586 · 0.8 = 0.72 · 347.487655586 = 250.191112022
    //   U     = 277.990124469 − 250.191112022 = 27.799012447
    BigDecimal t1 = ProjectionFormulas.streamTotal(d("300"), d("0.8"), 1);
    BigDecimal s1 = share(Glide.LINEAR, "0.9", "0.5", 1, 4);
    BigDecimal g1 = ProjectionFormulas.netFraction(d("0"));
    BigDecimal g0 = ProjectionFormulas.netFraction(d("0.2"));
    BigDecimal nAct = ProjectionFormulas.actualNet(s1, t1, g1);
    BigDecimal nCf = ProjectionFormulas.counterfactualNet(d("0.9"), t1, g0);
    assertThat(g0).isEqualByComparingTo("0.8");
    assertThat(nAct).isCloseTo(d("277.990124469"), within(d("1e-6")));
    assertThat(nCf).isCloseTo(d("250.191112022"), within(d("1e-6")));
    assertThat(ProjectionFormulas.uplift(nAct, nCf))
        .isCloseTo(d("27.799012447"), within(d("1e-6")));
    // 0.8·T·1 − 0.72·T = 0.08·T exactly, whatever the approximation of T.
    assertThat(ProjectionFormulas.uplift(nAct, nCf)).isEqualByComparingTo(t1.multiply(d("0.08")));
  }

  @Test
  void breakEvenShareWhenTheProviderStopsPayingTheLab() {
    // s* = s0·g0/g1 = s0·(1 − 0.2)/(1 − 0) = s0·0.8; docs/methodology.md's example: exclusive s0 =
    // 1 → 0.80
    assertThat(ProjectionFormulas.breakEvenShare(d("1"), d("0.8"), d("1")))
        .isEqualByComparingTo("0.8");
    // 0.8 · 0.8 = 0.64 exactly (in double: 0.6400000000000001)
    assertThat(ProjectionFormulas.breakEvenShare(d("0.8"), d("0.8"), d("1")))
        .isEqualByComparingTo("0.64");
    assertThat(ProjectionFormulas.breakEvenShare(d("0.9"), d("0.8"), d("1")))
        .isEqualByComparingTo("0.72");
    // g1 = 0 (the provider would keep nothing): no share breaks even → null, not a division error
    assertThat(ProjectionFormulas.breakEvenShare(d("0.9"), d("0.8"), d("0"))).isNull();
  }

  @Test
  void stepGlideMovesAtOnceAndHitsTheTarget() {
    for (int q = 1; q <= 8; q++) {
      assertThat(share(Glide.STEP, "0.9", "0.55", q, 8)).isEqualByComparingTo("0.55");
    }
  }

  @Test
  void exponentialGlideClosesAFixedFractionOfTheGapAndLandsOnTheTarget() {
    // f = 0.5, r = 0.5, H = 4, s0 = 0.9, target 0.5, D = 0.4, r^H = 0.0625:
    //   s_q = 0.5 + 0.4·(0.5^q − 0.0625)/0.9375
    //   s_1 = 0.5 + 0.4·0.4375/0.9375 = 0.5 + 0.186666667 = 0.686666667
    //   s_2 = 0.5 + 0.4·0.1875/0.9375 = 0.5 + 0.08         = 0.58
    //   s_3 = 0.5 + 0.4·0.0625/0.9375 = 0.5 + 0.026666667 = 0.526666667
    //   s_4 = 0.5
    assertThat(share(Glide.EXPONENTIAL, "0.9", "0.5", 1, 4))
        .isEqualByComparingTo("0.686666666666666667");
    assertThat(share(Glide.EXPONENTIAL, "0.9", "0.5", 2, 4)).isEqualByComparingTo("0.58");
    assertThat(share(Glide.EXPONENTIAL, "0.9", "0.5", 3, 4))
        .isEqualByComparingTo("0.526666666666666667");
    assertThat(share(Glide.EXPONENTIAL, "0.9", "0.5", 4, 4)).isEqualByComparingTo("0.5");
    // Each quarter closes half of the remaining distance to the asymptote a = 0.5 −
    // 0.4·0.0625/0.9375 = 0.473333333:
    BigDecimal a = d("0.473333333333333333");
    for (int q = 1; q <= 4; q++) {
      BigDecimal before = share(Glide.EXPONENTIAL, "0.9", "0.5", q - 1, 4).subtract(a);
      BigDecimal after = share(Glide.EXPONENTIAL, "0.9", "0.5", q, 4).subtract(a);
      assertThat(ProjectionFormulas.divide(after, before)).isCloseTo(HALF, within(d("1e-15")));
    }
    // Any rate and horizon, up or down: exactly the target at H (r^H − r^H is 0).
    for (String rate : new String[] {"0.05", "0.3", "0.9"}) {
      for (int h : new int[] {1, 3, 8, 40}) {
        assertThat(ProjectionFormulas.share(Glide.EXPONENTIAL, d("0.2"), d("0.95"), h, h, d(rate)))
            .isEqualByComparingTo("0.95");
      }
    }
  }
}
