package io.cloudshift.projection;

/**
 * Every formula of the projection, in one place (SPEC §4 "Projection", which reuses the uplift
 * definitions of SPEC §4 "Uplift (counterfactual)"). Per scenario, stream k, quarter index
 * q = 1..H (q = 1 is the scenario's start quarter):
 *
 * <pre>
 *   T_q    = T_start · (1+g)^(k_q/4)         lab's stream total; g annual growth, applied per quarter
 *                                            as (1+g)^(1/4); k_q = quarters since the base quarter
 *                                            (k_q = q when the projection starts right after it)
 *   s_q    = glide(s0, s_target, q, H)      provider's share path (below)
 *   N_act  = s_q · T_q · g1                 actual: new terms, share on the path
 *   N_cf   = s0  · T_q · g0                 counterfactual: old terms kept, share frozen at s0,
 *                                            the same lab stream total (as SPEC's uplift)
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
 *       quarter closes the fixed fraction f of the remaining gap to a, a point just beyond the target
 *       chosen so that the path lands on the target exactly at q = H (r^q − r^H is 0 there, so
 *       s_H = s_target to the last bit, well within 1e-9). s_0 = s0. Most of the move comes early,
 *       the more so the larger f; as f → 0 the path tends to linear.
 * </ul>
 */
public final class ProjectionFormulas {
  private ProjectionFormulas() {}

  /** (1+g)^(1/4): the quarterly factor of an annual growth g (0.8 → 1.8^(1/4) ≈ 1.158292). */
  public static double quarterlyGrowthFactor(double annualGrowth) {
    return Math.pow(1 + annualGrowth, 0.25);
  }

  /** T_q = T_start·(1+g)^(k/4), k quarters after the base quarter. */
  public static double streamTotal(double startTotal, double annualGrowth, int quartersSinceBase) {
    return startTotal * Math.pow(1 + annualGrowth, quartersSinceBase / 4.0);
  }

  /**
   * s_q on the glide path from {@code startShare} (q = 0) to {@code targetShare} (q = H); computed by
   * the formula at every q (no special case at H), so the tests' "target at H" checks the formula.
   */
  public static double share(Glide glide, double startShare, double targetShare, int q, int horizon, double exponentialRate) {
    if (q <= 0) {
      return startShare;
    }
    double gap = startShare - targetShare;
    return switch (glide) {
      case LINEAR -> startShare - gap * q / horizon;
      case STEP -> targetShare;
      case EXPONENTIAL -> {
        double r = 1 - exponentialRate;
        double rH = Math.pow(r, horizon);
        yield targetShare + gap * (Math.pow(r, q) - rH) / (1 - rH);
      }
    };
  }

  /** g = 1 − p: the fraction of a stream's revenue the provider keeps (compute: p = 0, g = 1). */
  public static double netFraction(double resaleShareToLab) {
    return 1 - resaleShareToLab;
  }

  /** N_act = s·T·g1. */
  public static double actualNet(double share, double streamTotal, double newNetFraction) {
    return share * streamTotal * newNetFraction;
  }

  /** N_cf = s0·T·g0: old terms kept, share frozen at the start share. */
  public static double counterfactualNet(double startShare, double streamTotal, double oldNetFraction) {
    return startShare * streamTotal * oldNetFraction;
  }

  /** U = N_act − N_cf. */
  public static double uplift(double actualNet, double counterfactualNet) {
    return actualNet - counterfactualNet;
  }

  /** s* = s0·g0/g1, the share that makes U = 0; null when g1 = 0 (no share makes up for keeping nothing). */
  public static Double breakEvenShare(double startShare, double oldNetFraction, double newNetFraction) {
    return newNetFraction == 0 ? null : startShare * oldNetFraction / newNetFraction;
  }
}
