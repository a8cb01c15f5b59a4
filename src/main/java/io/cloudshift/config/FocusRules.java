package io.cloudshift.config;

import java.time.YearMonth;
import java.util.List;

/** How FOCUS rows are read and classified (docs/methodology.md#billing-charges-focus). */
public record FocusRules(
    List<String> nullLiterals,
    boolean taxCountsAsRevenue,
    boolean marketplaceCountsAsRevenue,
    List<String> aiServiceCategories,
    List<String> gpuSkuPatterns,
    List<String> currencies,
    YearMonth earliestBillingMonth,
    YearMonth latestBillingMonth) {}
