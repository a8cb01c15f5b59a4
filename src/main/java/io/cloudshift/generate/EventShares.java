package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The spend-weighted share (docs/methodology.md#share-shift) of a provider over a window of billing
 * months, computed from the planted truth: Σ R(L,P,m) / Σ T(L,m) over the window's months, null
 * when Σ T ≤ 0. Windows are clipped to the generated month range.
 */
final class EventShares {
  static final int SCALE = 10;
  static final String CURRENCY = "USD";

  private final RevenueLedger ledger;
  private final YearMonth first;
  private final YearMonth last;

  EventShares(RevenueLedger ledger, YearMonth first, YearMonth last) {
    this.ledger = ledger;
    this.first = first;
    this.last = last;
  }

  /** Share over [from, to) (to exclusive), null (empty) when the lab's total there is ≤ 0. */
  Optional<BigDecimal> share(
      String lab, String provider, String stream, YearMonth from, YearMonth to) {
    BigDecimal provided = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    for (YearMonth month = from; month.isBefore(to); month = month.plusMonths(1)) {
      if (month.isBefore(first) || month.isAfter(last)) {
        continue;
      }
      provided = provided.add(ledger.labBilled(lab, stream, month, provider, CURRENCY));
      total = total.add(ledger.labTotal(lab, stream, month, CURRENCY));
    }
    if (total.signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(provided.divide(total, SCALE, RoundingMode.HALF_EVEN));
  }
}
