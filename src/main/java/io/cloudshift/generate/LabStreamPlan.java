package io.cloudshift.generate;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lab's planted spend in one stream: the monthly total over all providers and how it is split.
 * Every provider but one has an explicit {@link SharePath}; the remainder provider takes what is
 * left (1 − the others), which is how "Azure keeps the rest" is expressed without rounding drift.
 */
record LabStreamPlan(
    String lab,
    Stream stream,
    MonthlyCurve total,
    Map<String, SharePath> shares,
    String remainderProvider) {

  LabStreamPlan {
    shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    if (shares.containsKey(remainderProvider)) {
      throw new IllegalArgumentException(
          lab + " " + stream + ": the remainder provider has no explicit path");
    }
  }

  /**
   * Providers in a fixed order: the remainder provider first, then the explicit ones as declared.
   */
  List<String> providers() {
    List<String> all = new java.util.ArrayList<>();
    all.add(remainderProvider);
    all.addAll(shares.keySet());
    return List.copyOf(all);
  }

  BigDecimal share(String provider, YearMonth month) {
    if (provider.equals(remainderProvider)) {
      BigDecimal others = BigDecimal.ZERO;
      for (SharePath path : shares.values()) {
        others = others.add(path.at(month));
      }
      BigDecimal rest = BigDecimal.ONE.subtract(others);
      if (rest.signum() < 0) {
        throw new IllegalStateException(
            lab + " " + stream.value() + " shares exceed 1 in " + month);
      }
      return rest;
    }
    SharePath path = shares.get(provider);
    return path == null ? BigDecimal.ZERO : path.at(month);
  }

  /** The planted monthly amount at one provider, USD rounded to cents. */
  BigDecimal amount(String provider, YearMonth month) {
    return total.at(month).multiply(share(provider, month)).setScale(2, RoundingMode.HALF_EVEN);
  }
}
