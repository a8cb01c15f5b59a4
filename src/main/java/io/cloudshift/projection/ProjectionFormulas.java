package io.cloudshift.projection;

import io.cloudshift.schema.ExactDecimal;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Every formula of the projection, in one place (docs/methodology.md#projection, which reuses the
 * uplift definitions of docs/methodology.md#projection Uplift (counterfactual)"). Per scenario,
 * stream k, quarter index q = 1..H (q = 1 is the scenario's start quarter):
 *
 * <pre>
 *   T_q    = T_start · (1+g)^(k_q/4)         lab's stream total; g annual growth, applied per
 *                                            quarter as (1+g)^(1/4); k_q = quarters since the base
 *                                            quarter (k_q = q when the projection starts right
 *                                            after it)
 *   s_q    = glide(s0, s_target, q, H)      provider's share path (below)
 *   N_act  = s_q · T_q · g1                 actual: new terms, share on the path
 *   N_cf   = s0  · T_q · g0                 counterfactual: old terms kept, share frozen at s0,
 *                                            the same lab stream total (as the uplift's)
 *   U      = N_act − N_cf
 *   s*     = s0 · g0 / g1                   break-even share (null when g1 = 0)
 *   g      = 1 − p  (resale: p the share of resale revenue paid to the lab; compute: g = 1)
 * </pre>
 *
 * Glides, with D = s0 − s_target:
 *
 * <ul>
 *   <li>linear: s_q = s0 − D·q/H (equal steps; s_H = s_target).
 *   <li>step: s_q = s_target for every q ≥ 1 (the whole move in the first projected quarter).
 *   <li>exponential with rate f ∈ (0,1), r = 1 − f: s_q = s_target + D·(r^q − r^H)/(1 − r^H).
 *       Equivalently s_q − a = (s0 − a)·r^q with the asymptote a = s_target − D·r^H/(1 − r^H): each
 *       quarter closes the fixed fraction f of the remaining gap to a, a point just beyond the
 *       target chosen so that the path lands on the target exactly at q = H (r^q − r^H is 0 there,
 *       so s_H = s_target to the last bit, well within 1e-9). s_0 = s0. Most of the move comes
 *       early, the more so the larger f; as f → 0 the path tends to linear.
 * </ul>
 *
 * <p>Arithmetic follows the exact-decimal policy ({@link ExactDecimal}): shares, net fractions and
 * products are exact {@link BigDecimal}s, quotients are rounded once to 18 decimals half-even, and
 * integer powers (the exponential glide's r^q) are exact. The one inexact step is the growth factor
 * (1+g)^(k/4) for k not a multiple of 4, an irrational number computed in double precision (about
 * 16 significant digits); this is why the projection's money is rounded to the micro-dollar.
 */
public final class ProjectionFormulas {
  private static final int SCALE = ExactDecimal.FRACTION.scale();
  private static final int QUARTERS_PER_YEAR = 4;

  private ProjectionFormulas() {}

  /**
   * (1+g)^(k/4) for k ≥ 0 quarters after the base quarter (a projection starts after it): exact for
   * whole years, the remaining quarters' factor to double precision (0.8, k = 1 → 1.158292185).
   */
  public static BigDecimal growthFactor(BigDecimal annualGrowth, int quartersSinceBase) {
    if (quartersSinceBase < 0) {
      throw new IllegalArgumentException(
          "quarters since the base quarter must not be negative: " + quartersSinceBase);
    }
    BigDecimal yearly = BigDecimal.ONE.add(annualGrowth);
    int years = quartersSinceBase / QUARTERS_PER_YEAR;
    int quarters = quartersSinceBase % QUARTERS_PER_YEAR;
    BigDecimal whole = yearly.pow(years);
    if (quarters == 0) {
      return whole;
    }
    BigDecimal part =
        new BigDecimal(
            Math.pow(yearly.doubleValue(), quarters / (double) QUARTERS_PER_YEAR),
            MathContext.DECIMAL64);
    return whole.multiply(part);
  }

  /** T_q = T_start·(1+g)^(k/4), k quarters after the base quarter. */
  public static BigDecimal streamTotal(
      BigDecimal startTotal, BigDecimal annualGrowth, int quartersSinceBase) {
    return startTotal.multiply(growthFactor(annualGrowth, quartersSinceBase));
  }

  /**
   * s_q on the glide path from {@code startShare} (q = 0) to {@code targetShare} (q = H); computed
   * by the formula at every q (no special case at H), so the tests' "target at H" checks the
   * formula.
   */
  public static BigDecimal share(
      Glide glide,
      BigDecimal startShare,
      BigDecimal targetShare,
      int q,
      int horizon,
      BigDecimal exponentialRate) {
    if (q <= 0) {
      return startShare;
    }
    BigDecimal gap = startShare.subtract(targetShare);
    return switch (glide) {
      case LINEAR ->
          startShare.subtract(
              divide(gap.multiply(BigDecimal.valueOf(q)), BigDecimal.valueOf(horizon)));
      case STEP -> targetShare;
      case EXPONENTIAL -> {
        BigDecimal r = BigDecimal.ONE.subtract(exponentialRate);
        BigDecimal rH = r.pow(horizon);
        yield targetShare.add(
            divide(gap.multiply(r.pow(q).subtract(rH)), BigDecimal.ONE.subtract(rH)));
      }
    };
  }

  /** g = 1 − p: the fraction of a stream's revenue the provider keeps (compute: p = 0, g = 1). */
  public static BigDecimal netFraction(BigDecimal resaleShareToLab) {
    return BigDecimal.ONE.subtract(resaleShareToLab);
  }

  /** N_act = s·T·g1. */
  public static BigDecimal actualNet(
      BigDecimal share, BigDecimal streamTotal, BigDecimal newNetFraction) {
    return share.multiply(streamTotal).multiply(newNetFraction);
  }

  /** N_cf = s0·T·g0: old terms kept, share frozen at the start share. */
  public static BigDecimal counterfactualNet(
      BigDecimal startShare, BigDecimal streamTotal, BigDecimal oldNetFraction) {
    return startShare.multiply(streamTotal).multiply(oldNetFraction);
  }

  /** U = N_act − N_cf. */
  public static BigDecimal uplift(BigDecimal actualNet, BigDecimal counterfactualNet) {
    return actualNet.subtract(counterfactualNet);
  }

  /**
   * s* = s0·g0/g1, the share that makes U = 0; null when g1 = 0 (no share makes up for keeping
   * nothing).
   */
  public static BigDecimal breakEvenShare(
      BigDecimal startShare, BigDecimal oldNetFraction, BigDecimal newNetFraction) {
    return newNetFraction.signum() == 0
        ? null
        : divide(startShare.multiply(oldNetFraction), newNetFraction);
  }

  /** a / b rounded once to 18 decimals, half-even. */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return a.divide(b, SCALE, ExactDecimal.ROUNDING);
  }
}
