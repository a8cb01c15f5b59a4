package io.cloudshift.projection;

import java.util.Locale;

/**
 * Shape of the provider's share path from the start share to the target share
 * (docs/methodology.md#projection).
 */
public enum Glide {
  /** Equal steps: s_q = s0 + (target − s0)·q/H. */
  LINEAR,
  /** The whole move at once: s_q = target from the first projected quarter on. */
  STEP,
  /**
   * A fixed fraction of the remaining gap closed each quarter, landing on the target at H (see
   * ProjectionFormulas).
   */
  EXPONENTIAL;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
