package io.cloudshift.generate;

import io.cloudshift.schema.FocusColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The planted truth, summed from the rows actually written: Σ BilledCost and Σ EffectiveCost of the
 * rows that count as revenue (not Tax, not marketplace, not deliberately bad), credits and
 * corrections included in the month they are billed, per lab × provider × stream × billing month ×
 * currency, and per provider × month × currency × stream (labs and other customers). Sorted maps
 * keep every output in one fixed order.
 *
 * <p>In a billing month in which a planted change of a lab's terms takes effect (see {@link
 * EventEffect}), it also sums the part of each of the lab's rows after the change, apportioned by
 * its charge period as docs/methodology.md#terms-by-the-instant says: the truth of R, T and s after
 * t_e.
 */
final class RevenueLedger {
  /** Money scale of the apportioned amounts: the pipeline's decimal(38,12). */
  static final int APPORTIONED_SCALE = 12;

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
  private final TreeMap<LabCell, BigDecimal> afterChange = new TreeMap<>();
  private final BiFunction<String, YearMonth, Optional<Instant>> changeAt;

  /** A ledger that splits no month (for merging the files' ledgers). */
  RevenueLedger() {
    this((lab, month) -> Optional.empty());
  }

  /**
   * @param changeAt the instant of a planted change of a lab's terms inside a billing month, if any
   *     ({@link Calibration#changeInstant})
   */
  RevenueLedger(BiFunction<String, YearMonth, Optional<Instant>> changeAt) {
    this.changeAt = changeAt;
  }

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
            lab -> {
              LabCell cell = new LabCell(lab, role.stream().value(), month, provider, currency);
              labs.merge(
                  cell,
                  Sums.ZERO.plus(billed, effective),
                  (a, b) -> a.plus(b.billed(), b.effective()));
              changeAt
                  .apply(lab, month)
                  .ifPresent(
                      change ->
                          afterChange.merge(
                              cell, after(billed, charge, month, change), BigDecimal::add));
            });
  }

  /**
   * The part of {@code amount} whose charge period falls on or after {@code change}: amount ×
   * seconds after ÷ seconds of the period, rounded once; a row without a usable period counts
   * wholly on the side of its start (else of its billing month's first instant).
   */
  static BigDecimal after(BigDecimal amount, Charge charge, YearMonth month, Instant change) {
    Instant start = (Instant) charge.get(FocusColumns.CHARGE_PERIOD_START);
    Instant end = (Instant) charge.get(FocusColumns.CHARGE_PERIOD_END);
    if (start != null && end != null && end.isAfter(start)) {
      long period = end.getEpochSecond() - start.getEpochSecond();
      long inside =
          Math.max(
              0, end.getEpochSecond() - Math.max(start.getEpochSecond(), change.getEpochSecond()));
      return amount
          .multiply(BigDecimal.valueOf(inside))
          .divide(BigDecimal.valueOf(period), APPORTIONED_SCALE, RoundingMode.HALF_EVEN);
    }
    Instant anchor =
        start != null ? start : month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return anchor.isBefore(change) ? BigDecimal.ZERO : amount;
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
    other.afterChange.forEach((cell, sum) -> afterChange.merge(cell, sum, BigDecimal::add));
  }

  /**
   * Σ billed after the planted change, per lab cell of a month split by one (docs/methodology.md
   * #terms-by-the-instant).
   */
  NavigableMap<LabCell, BigDecimal> afterChange() {
    return java.util.Collections.unmodifiableNavigableMap(afterChange);
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
