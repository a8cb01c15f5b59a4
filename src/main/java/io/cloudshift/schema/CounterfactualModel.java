package io.cloudshift.schema;

import java.util.Locale;

/**
 * The counterfactual models of docs/methodology.md#counterfactual-models, as stored in the {@code
 * model} column of the uplift tables, in the order the summary shows them.
 */
public enum CounterfactualModel {
  /** The provider's share stays at its pre-event baseline s0. */
  FROZEN,
  /** The pre-event least-squares line of the share, extended at most w_t months. */
  TREND,
  /** s0 moved as the provider's share among labs whose terms did not change. */
  CONTROL;

  /** The model stored as {@code value} in the model column. */
  public static CounterfactualModel of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
