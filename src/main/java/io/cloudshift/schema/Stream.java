package io.cloudshift.schema;

import java.util.Locale;

/** Revenue streams of docs/methodology.md#attribution, as stored in the {@code stream} column. */
public enum Stream {
  /** The lab's own billing accounts at a provider: capacity it buys. */
  COMPUTE,
  /** Any customer's charges for the lab's models sold by the provider. */
  RESALE,
  /** Charges matching no rule: the provider's other revenue. */
  UNATTRIBUTED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
