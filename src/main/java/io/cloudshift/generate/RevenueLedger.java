package io.cloudshift.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The planted truth, summed from the rows actually written: Σ BilledCost and Σ EffectiveCost of the
 * rows that count as revenue (not Tax, not marketplace, not deliberately bad), credits and
 * corrections included in the month they are billed, per lab × provider × stream × billing month ×
 * currency, and per provider × month × currency × stream (labs and other customers). Sorted maps
 * keep every output in one fixed order.
 */
final class RevenueLedger {
  /** One lab cell of monthly_revenue.csv; sorted by lab, stream, month, provider, currency. */
  record LabCell(String lab, String stream, YearMonth month, String provider, String currency)
      implements Comparable<LabCell> {
    private static final Comparator<LabCell> ORDER =
        Comparator.comparing(LabCell::lab)
            .thenComparing(LabCell::stream)
            .thenComparing(LabCell::month)
            .thenComparing(LabCell::provider)
            .thenComparing(LabCell::currency);

    @Override
    public int compareTo(LabCell other) {
      return ORDER.compare(this, other);
    }
  }

  /** One provider cell of provider_monthly_revenue.csv. */
  record ProviderCell(String provider, YearMonth month, String currency, String stream)
      implements Comparable<ProviderCell> {
    private static final Comparator<ProviderCell> ORDER =
        Comparator.comparing(ProviderCell::provider)
            .thenComparing(ProviderCell::month)
            .thenComparing(ProviderCell::currency)
            .thenComparing(ProviderCell::stream);

    @Override
    public int compareTo(ProviderCell other) {
      return ORDER.compare(this, other);
    }
  }

  /** Σ BilledCost and Σ EffectiveCost. */
  record Sums(BigDecimal billed, BigDecimal effective) {
    static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO);

    Sums plus(BigDecimal billedCost, BigDecimal effectiveCost) {
      return new Sums(billed.add(billedCost), effective.add(effectiveCost));
    }
  }

  private final TreeMap<LabCell, Sums> labs = new TreeMap<>();
  private final TreeMap<ProviderCell, Sums> providers = new TreeMap<>();

  void record(String provider, YearMonth month, Charge charge) {
    ChargeRole role = charge.role();
    if (!role.countsAsRevenue()) {
      return;
    }
    String currency = charge.text(io.cloudshift.schema.FocusColumns.BILLING_CURRENCY);
    BigDecimal billed = charge.billedCost();
    BigDecimal effective = charge.effectiveCost();
    providers.merge(
        new ProviderCell(provider, month, currency, role.stream().value()),
        Sums.ZERO.plus(billed, effective),
        (a, b) -> a.plus(b.billed(), b.effective()));
    role.lab()
        .ifPresent(
            lab ->
                labs.merge(
                    new LabCell(lab, role.stream().value(), month, provider, currency),
                    Sums.ZERO.plus(billed, effective),
                    (a, b) -> a.plus(b.billed(), b.effective())));
  }

  /**
   * Adds every sum of another ledger (exact decimals, so the order files are added in does not
   * matter).
   */
  void addAll(RevenueLedger other) {
    other.labs.forEach(
        (cell, sums) -> labs.merge(cell, sums, (a, b) -> a.plus(b.billed(), b.effective())));
    other.providers.forEach(
        (cell, sums) -> providers.merge(cell, sums, (a, b) -> a.plus(b.billed(), b.effective())));
  }

  NavigableMap<LabCell, Sums> labs() {
    return java.util.Collections.unmodifiableNavigableMap(labs);
  }

  NavigableMap<ProviderCell, Sums> providers() {
    return java.util.Collections.unmodifiableNavigableMap(providers);
  }

  /** Σ billed over every provider of a lab, stream, month and currency: the share denominator T. */
  BigDecimal labTotal(String lab, String stream, YearMonth month, String currency) {
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<LabCell, Sums> entry : labs.entrySet()) {
      LabCell cell = entry.getKey();
      if (cell.lab().equals(lab)
          && cell.stream().equals(stream)
          && cell.month().equals(month)
          && cell.currency().equals(currency)) {
        total = total.add(entry.getValue().billed());
      }
    }
    return total;
  }

  /** Σ billed of one provider's cell (zero when absent). */
  BigDecimal labBilled(
      String lab, String stream, YearMonth month, String provider, String currency) {
    Sums sums = labs.get(new LabCell(lab, stream, month, provider, currency));
    return sums == null ? BigDecimal.ZERO : sums.billed();
  }
}
