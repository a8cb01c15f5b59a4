package io.cloudshift.generate;

import java.util.List;

/**
 * How many ordinary rows each cell of a file gets. {@code rows} is spread evenly over all files;
 * about ten rows per file are left for the special rows; of the rest lab compute accounts share
 * 30%, resale cells 15%, the EUR customer 5% and the other customers the remainder, with small
 * minimums so every cell is split over a few rows ({@link #perPart}: split months). Row counts
 * never change amounts.
 */
record RowBudget(int perComputeCell, int perResaleCell, int euro, int customers) {
  static final int RESERVED_FOR_SPECIAL_ROWS = 10;

  /** A part of a split month gets at least a row per day, up to this many days. */
  static final int DENSE_PART_DAYS = 7;

  /**
   * A lab cell's rows per part of its month: all of them for a whole month; for a month split by a
   * planted change, each part its share of the rows by days but at least one row per day of a short
   * part (up to {@value #DENSE_PART_DAYS} days), so the days after a change are each billed.
   */
  static int[] perPart(int rows, List<MonthPart> parts) {
    int[] perPart = new int[parts.size()];
    if (parts.size() == 1) {
      perPart[0] = rows;
      return perPart;
    }
    for (int i = 0; i < parts.size(); i++) {
      MonthPart part = parts.get(i);
      int byDays = (int) Math.round((double) rows * part.days() / part.month().lengthOfMonth());
      perPart[i] = Math.max(1, Math.max(byDays, Math.min(part.days(), DENSE_PART_DAYS)));
    }
    return perPart;
  }

  static RowBudget of(
      GeneratorOptions options, int exports, ProviderMonthPlan plan, boolean hasEuroCustomer) {
    long files = (long) Math.max(1, exports) * options.monthCount();
    int perFile = (int) Math.max(1, Math.round((double) options.rows() / files));
    int ordinary = Math.max(0, perFile - RESERVED_FOR_SPECIAL_ROWS);
    int computeCells = plan.compute().size();
    int resaleCells = plan.resale().size();
    int perCompute =
        computeCells == 0 ? 0 : Math.max(2, (int) Math.round(ordinary * 0.30 / computeCells));
    int perResale =
        resaleCells == 0 ? 0 : Math.max(2, (int) Math.round(ordinary * 0.15 / resaleCells));
    int euro = hasEuroCustomer ? Math.max(2, (int) Math.round(ordinary * 0.05)) : 0;
    int customers =
        Math.max(4, ordinary - perCompute * computeCells - perResale * resaleCells - euro);
    return new RowBudget(perCompute, perResale, euro, customers);
  }
}
