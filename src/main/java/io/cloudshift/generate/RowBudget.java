package io.cloudshift.generate;

/**
 * How many ordinary rows each cell of a file gets. {@code rows} is spread evenly over all files;
 * about ten rows per file are left for the special rows; of the rest lab compute accounts share
 * 30%, resale cells 15%, the EUR customer 5% and the other customers the remainder, with small
 * minimums so every cell is split over a few rows. Row counts never change amounts.
 */
record RowBudget(int perComputeCell, int perResaleCell, int euro, int customers) {
  static final int RESERVED_FOR_SPECIAL_ROWS = 10;

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
