package io.cloudshift.schema;

/**
 * The values of the {@code quarter_basis} / {@code basis} columns: which year a quarter belongs to.
 */
public final class QuarterBasis {
  /** Calendar quarters (January–March is Q1). */
  public static final String CALENDAR = "calendar";

  /** The provider's fiscal quarters (its configured fiscal-year start month). */
  public static final String FISCAL = "fiscal";

  private QuarterBasis() {}
}
