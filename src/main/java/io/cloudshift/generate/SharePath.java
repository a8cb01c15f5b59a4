package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's planted share of one lab stream over time, as explicit steps and straight-line ramps
 * so the truth is exact: zero until the first segment, then the latest segment that has started. A
 * ramp holds its end value after its end month until the next segment starts.
 */
final class SharePath {
  /** A segment starting at {@code from}; {@code to} equals {@code from} for a step. */
  record Segment(
      YearMonth from, YearMonth to, BigDecimal startShare, BigDecimal endShare, String source) {
    boolean isStep() {
      return from.equals(to);
    }

    BigDecimal at(YearMonth month) {
      if (isStep() || !month.isBefore(to)) {
        return endShare;
      }
      long span = from.until(to, ChronoUnit.MONTHS);
      long done = from.until(month, ChronoUnit.MONTHS);
      return startShare.add(
          endShare
              .subtract(startShare)
              .multiply(BigDecimal.valueOf(done))
              .divide(BigDecimal.valueOf(span), 6, RoundingMode.HALF_EVEN));
    }
  }

  private final List<Segment> segments;

  private SharePath(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  static SharePath zero() {
    return new SharePath(List.of());
  }

  /** From {@code month} on, the share is {@code share}. */
  SharePath step(String month, double share, String source) {
    YearMonth from = YearMonth.parse(month);
    return with(new Segment(from, from, decimal(share), decimal(share), source));
  }

  /**
   * From {@code from} the share moves in a straight line to reach {@code endShare} at {@code to}.
   */
  SharePath ramp(String from, double startShare, String to, double endShare, String source) {
    YearMonth start = YearMonth.parse(from);
    YearMonth end = YearMonth.parse(to);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a ramp must end after it starts: " + from + " .. " + to);
    }
    return with(new Segment(start, end, decimal(startShare), decimal(endShare), source));
  }

  List<Segment> segments() {
    return segments;
  }

  BigDecimal at(YearMonth month) {
    BigDecimal share = BigDecimal.ZERO;
    for (Segment segment : segments) {
      if (!month.isBefore(segment.from())) {
        share = segment.at(month);
      }
    }
    return share;
  }

  private SharePath with(Segment segment) {
    if (!segments.isEmpty() && !segment.from().isAfter(segments.get(segments.size() - 1).from())) {
      throw new IllegalArgumentException("segments must be added in time order: " + segment.from());
    }
    List<Segment> all = new ArrayList<>(segments);
    all.add(segment);
    return new SharePath(all);
  }

  private static BigDecimal decimal(double share) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("a share is between 0 and 1: " + share);
    }
    return BigDecimal.valueOf(share);
  }
}
