package io.cloudshift.projection;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;

/**
 * One stream of a scenario (conf {@code cloudshift.scenarios[i].compute} / {@code .resale}), its
 * numbers as configured: the projection's arithmetic takes each as the decimal written in the
 * config ({@link java.math.BigDecimal#valueOf(double)}: 0.8 is exactly 0.8), never as a binary
 * fraction.
 *
 * @param key the config key of the stream's section, for messages
 * @param growth g: annual growth of the lab's stream total (0.8 = +80 %/yr)
 * @param startShare s0 when configured; null = the provider's observed share in the base quarter
 * @param startTotalUsd T_start when configured (USD per quarter, in the quarter before the start
 *     quarter); null = the lab's observed stream total in the last complete data quarter
 * @param targetShare share at the horizon; null = hold the start share
 * @param glide shape of the share path
 * @param glideRate fraction of the remaining gap closed per quarter (exponential glide only)
 * @param oldResaleShare p0 (0 for compute)
 * @param newResaleShare p1 (0 for compute)
 */
public record StreamAssumptions(
    Stream stream,
    String key,
    double growth,
    Double startShare,
    Double startTotalUsd,
    Double targetShare,
    Glide glide,
    double glideRate,
    double oldResaleShare,
    double newResaleShare) {

  /**
   * The same assumptions with another target share and growth: one cell of the sensitivity grid.
   */
  public StreamAssumptions withTargetAndGrowth(double target, double annualGrowth) {
    return new StreamAssumptions(
        stream,
        key,
        annualGrowth,
        startShare,
        startTotalUsd,
        target,
        glide,
        glideRate,
        oldResaleShare,
        newResaleShare);
  }

  /** g0 = 1 − p0. */
  public BigDecimal oldNetFraction() {
    return ProjectionFormulas.netFraction(BigDecimal.valueOf(oldResaleShare));
  }

  /** g1 = 1 − p1. */
  public BigDecimal newNetFraction() {
    return ProjectionFormulas.netFraction(BigDecimal.valueOf(newResaleShare));
  }
}
