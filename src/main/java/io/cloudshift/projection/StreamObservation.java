package io.cloudshift.projection;

import io.cloudshift.periods.CalendarQuarter;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What the data says about one lab × stream in its last complete calendar quarter (three months
 * present in {@code lab_provider_monthly}, USD rows): the lab's stream total T over all providers,
 * summed over the quarter's months, and each provider's revenue R from the lab in it.
 *
 * @param baseQuarter the last complete quarter; null when the data has no complete quarter
 * @param streamTotal ΣT over its three months (USD); null when there is no complete quarter
 * @param providerRevenue provider id → ΣR over those months (USD)
 */
public record StreamObservation(
    CalendarQuarter baseQuarter, BigDecimal streamTotal, Map<String, BigDecimal> providerRevenue) {
  public StreamObservation {
    providerRevenue = Map.copyOf(providerRevenue);
  }

  /**
   * The provider's spend-weighted share ΣR/ΣT of the quarter; null when T ≤ 0 or the provider has
   * no rows.
   */
  public BigDecimal share(String provider) {
    BigDecimal revenue = providerRevenue.get(provider);
    if (revenue == null || streamTotal == null || streamTotal.signum() <= 0) {
      return null;
    }
    return ProjectionFormulas.divide(revenue, streamTotal);
  }
}
