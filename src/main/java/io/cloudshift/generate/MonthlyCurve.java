package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A monthly USD amount given by anchor months and straight lines between them, flat before the
 * first anchor and after the last; zero before an optional start month. All arithmetic is
 * BigDecimal, rounded to cents, so the planted amounts are exact and the same on every machine.
 */
final class MonthlyCurve {
  /** One calibration point: the monthly amount at a month and where the figure comes from. */
  record Anchor(YearMonth month, BigDecimal usdPerMonth, String source) {}

  private final Optional<YearMonth> start;
  private final List<Anchor> anchors;

  private MonthlyCurve(Optional<YearMonth> start, List<Anchor> anchors) {
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("a curve needs at least one anchor");
    }
    List<Anchor> sorted = new ArrayList<>(anchors);
    sorted.sort(Comparator.comparing(Anchor::month));
    this.start = start;
    this.anchors = List.copyOf(sorted);
  }

  static Builder startingAt(String month) {
    return new Builder(Optional.of(YearMonth.parse(month)));
  }

  static Builder always() {
    return new Builder(Optional.empty());
  }

  Optional<YearMonth> start() {
    return start;
  }

  List<Anchor> anchors() {
    return anchors;
  }

  /** The amount for a month, in USD rounded to cents. */
  BigDecimal at(YearMonth month) {
    if (start.isPresent() && month.isBefore(start.get())) {
      return BigDecimal.ZERO.setScale(2);
    }
    Anchor first = anchors.get(0);
    if (!month.isAfter(first.month())) {
      return cents(first.usdPerMonth());
    }
    for (int i = 1; i < anchors.size(); i++) {
      Anchor left = anchors.get(i - 1);
      Anchor right = anchors.get(i);
      if (!month.isAfter(right.month())) {
        long span = left.month().until(right.month(), ChronoUnit.MONTHS);
        long done = left.month().until(month, ChronoUnit.MONTHS);
        BigDecimal step =
            right
                .usdPerMonth()
                .subtract(left.usdPerMonth())
                .multiply(BigDecimal.valueOf(done))
                .divide(BigDecimal.valueOf(span), 10, RoundingMode.HALF_EVEN);
        return cents(left.usdPerMonth().add(step));
      }
    }
    return cents(anchors.get(anchors.size() - 1).usdPerMonth());
  }

  private static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }

  static final class Builder {
    private final Optional<YearMonth> start;
    private final List<Anchor> anchors = new ArrayList<>();

    private Builder(Optional<YearMonth> start) {
      this.start = start;
    }

    /**
     * An anchor in millions of USD per month, with the public-facts id or assumption it rests on.
     */
    Builder at(String month, double millionsPerMonth, String source) {
      BigDecimal usd =
          BigDecimal.valueOf(millionsPerMonth).multiply(BigDecimal.valueOf(1_000_000L));
      anchors.add(new Anchor(YearMonth.parse(month), usd, source));
      return this;
    }

    MonthlyCurve build() {
      return new MonthlyCurve(start, anchors);
    }
  }
}
