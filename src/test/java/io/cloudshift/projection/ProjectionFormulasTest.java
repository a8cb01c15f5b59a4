package io.cloudshift.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** SPEC §4 "Projection" formulas, with every expected value worked out by hand. */
class ProjectionFormulasTest {
  private static final double EPS = 1e-9;

  @Test
  void linearGlideFromNinetyToFiftyPercentOverFourQuarters() {
    // s_q = s0 − (s0 − target)·q/H = 0.9 − 0.4·q/4: 0.8, 0.7, 0.6, 0.5
    assertThat(ProjectionFormulas.share(Glide.LINEAR, 0.9, 0.5, 1, 4, 0.5)).isCloseTo(0.8, within(EPS));
    assertThat(ProjectionFormulas.share(Glide.LINEAR, 0.9, 0.5, 2, 4, 0.5)).isCloseTo(0.7, within(EPS));
    assertThat(ProjectionFormulas.share(Glide.LINEAR, 0.9, 0.5, 3, 4, 0.5)).isCloseTo(0.6, within(EPS));
    assertThat(ProjectionFormulas.share(Glide.LINEAR, 0.9, 0.5, 4, 4, 0.5)).isCloseTo(0.5, within(EPS));
    assertThat(ProjectionFormulas.share(Glide.LINEAR, 0.9, 0.5, 0, 4, 0.5)).as("q = 0 is the start").isEqualTo(0.9);
  }

  @Test
  void annualGrowthIsAppliedPerQuarterAsTheFourthRoot() {
    // 0.8/yr: quarterly factor 1.8^(1/4) = e^(ln 1.8 / 4) = e^(0.587786665 / 4) = e^0.146946666 = 1.158292185
    assertThat(ProjectionFormulas.quarterlyGrowthFactor(0.8)).isCloseTo(1.158292185, within(1e-9));
    // T_q = 300·1.8^(q/4): q=1 → 347.487655586, q=2 → 300·√1.8 = 402.492235950, q=4 → 300·1.8 = 540
    assertThat(ProjectionFormulas.streamTotal(300, 0.8, 1)).isCloseTo(347.487655586, within(1e-6));
    assertThat(ProjectionFormulas.streamTotal(300, 0.8, 2)).isCloseTo(402.492235950, within(1e-6));
    assertThat(ProjectionFormulas.streamTotal(300, 0.8, 4)).isCloseTo(540.0, within(1e-9));
  }

  @Test
  void quarterOneNetRevenuesAndUpliftByHand() {
    // Resale, s0 = 0.9 gliding to 0.5 over 4 quarters, T_start = 300, g = 0.8, p0 = 0.2, p1 = 0:
    //   T_1   = 300 · 1.158292185 = 347.487655586
    //   s_1   = 0.8,  g1 = 1 − 0 = 1,  g0 = 1 − 0.2 = 0.8
    //   N_act = 0.8 · 347.487655586 · 1   = 277.990124469
    //   N_cf  = 0.9 · 347.487655586 · 0.8 = 0.72 · 347.487655586 = 250.191112022
    //   U     = 277.990124469 − 250.191112022 = 27.799012447
    double t1 = ProjectionFormulas.streamTotal(300, 0.8, 1);
    double s1 = ProjectionFormulas.share(Glide.LINEAR, 0.9, 0.5, 1, 4, 0.5);
    double g1 = ProjectionFormulas.netFraction(0.0);
    double g0 = ProjectionFormulas.netFraction(0.2);
    double nAct = ProjectionFormulas.actualNet(s1, t1, g1);
    double nCf = ProjectionFormulas.counterfactualNet(0.9, t1, g0);
    assertThat(g0).isCloseTo(0.8, within(EPS));
    assertThat(nAct).isCloseTo(277.990124469, within(1e-6));
    assertThat(nCf).isCloseTo(250.191112022, within(1e-6));
    assertThat(ProjectionFormulas.uplift(nAct, nCf)).isCloseTo(27.799012447, within(1e-6));
  }

  @Test
  void breakEvenShareWhenTheProviderStopsPayingTheLab() {
    // s* = s0·g0/g1 = s0·(1 − 0.2)/(1 − 0) = s0·0.8; SPEC's example: exclusive s0 = 1 → 0.80
    assertThat(ProjectionFormulas.breakEvenShare(1.0, 0.8, 1.0)).isCloseTo(0.8, within(EPS));
    assertThat(ProjectionFormulas.breakEvenShare(0.9, 0.8, 1.0)).isCloseTo(0.72, within(EPS));
    // g1 = 0 (the provider would keep nothing): no share breaks even → null, not a division error
    assertThat(ProjectionFormulas.breakEvenShare(0.9, 0.8, 0.0)).isNull();
  }

  @Test
  void stepGlideMovesAtOnceAndHitsTheTarget() {
    for (int q = 1; q <= 8; q++) {
      assertThat(ProjectionFormulas.share(Glide.STEP, 0.9, 0.55, q, 8, 0.5)).isEqualTo(0.55);
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
    assertThat(ProjectionFormulas.share(Glide.EXPONENTIAL, 0.9, 0.5, 1, 4, 0.5)).isCloseTo(0.686666667, within(1e-9));
    assertThat(ProjectionFormulas.share(Glide.EXPONENTIAL, 0.9, 0.5, 2, 4, 0.5)).isCloseTo(0.58, within(1e-9));
    assertThat(ProjectionFormulas.share(Glide.EXPONENTIAL, 0.9, 0.5, 3, 4, 0.5)).isCloseTo(0.526666667, within(1e-9));
    assertThat(ProjectionFormulas.share(Glide.EXPONENTIAL, 0.9, 0.5, 4, 4, 0.5)).isCloseTo(0.5, within(1e-9));
    // Each quarter closes half of the remaining distance to the asymptote a = 0.5 − 0.4·0.0625/0.9375 = 0.473333333:
    double a = 0.5 - 0.4 * 0.0625 / 0.9375;
    for (int q = 1; q <= 4; q++) {
      double before = ProjectionFormulas.share(Glide.EXPONENTIAL, 0.9, 0.5, q - 1, 4, 0.5) - a;
      double after = ProjectionFormulas.share(Glide.EXPONENTIAL, 0.9, 0.5, q, 4, 0.5) - a;
      assertThat(after / before).isCloseTo(0.5, within(1e-9));
    }
    // Any rate and horizon, up or down: the target at H within 1e-9.
    for (double rate : new double[] {0.05, 0.3, 0.9}) {
      for (int h : new int[] {1, 3, 8, 40}) {
        assertThat(ProjectionFormulas.share(Glide.EXPONENTIAL, 0.2, 0.95, h, h, rate)).isCloseTo(0.95, within(1e-9));
      }
    }
  }
}
