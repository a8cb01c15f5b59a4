package io.cloudshift.generate;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lab's planted spend in one stream: the monthly total over all providers and how it is split.
 * Every provider but one has an explicit {@link SharePath}; the remainder provider takes what is
 * left (1 − the others), which is how "Azure keeps the rest" is expressed without rounding drift.
 *
 * <p>The share paths are the counterfactual: what the shares would have done without a planted
 * {@link EventEffect}. With an effect, the planted (actual) shares are the counterfactual ones plus
 * the effect's gains from its change on, and the month holding a change inside it is planted in two
 * {@link MonthPart parts}: the lab's total is spread evenly over the days of the month, and each
 * part is split over the providers with the shares in force in it.
 */
record LabStreamPlan(
    String lab,
    Stream stream,
    MonthlyCurve total,
    Map<String, SharePath> shares,
    String remainderProvider,
    Optional<EventEffect> effect) {

  LabStreamPlan {
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    if (shares.containsKey(remainderProvider)) {
      throw new IllegalArgumentException(
          lab + " " + stream + ": the remainder provider has no explicit path");
    }
    if (effect.isPresent() && !effect.get().provider().equals(remainderProvider)) {
      throw new IllegalArgumentException(
          lab
              + " "
              + stream
              + ": an effect takes share from the remainder provider "
              + remainderProvider
              + ", not "
              + effect.get().provider());
    }
  }

  LabStreamPlan(
      String lab,
      Stream stream,
      MonthlyCurve total,
      Map<String, SharePath> shares,
      String remainderProvider) {
    this(lab, stream, total, shares, remainderProvider, Optional.empty());
  }

  /**
   * Providers in a fixed order: the remainder provider first, then the explicit ones as declared,
   * then an effect's gainers that have no path of their own.
   */
  List<String> providers() {
    List<String> all = new ArrayList<>();
    all.add(remainderProvider);
    all.addAll(shares.keySet());
    effect.ifPresent(
        e -> e.gains().keySet().stream().filter(p -> !all.contains(p)).forEach(all::add));
    return List.copyOf(all);
  }

  /** The parts a month is planted in: two when a planted change falls inside it, else one. */
  List<MonthPart> parts(YearMonth month) {
    if (effect.isPresent() && effect.get().splitMonth().filter(month::equals).isPresent()) {
      return List.of(MonthPart.before(effect.get().from()), MonthPart.from(effect.get().from()));
    }
    return List.of(MonthPart.whole(month));
  }

  /**
   * The lab's total of a part, USD to the cent: the month's total spread evenly over its days, the
   * later part rounded and the first part taking the rest, so the parts add up to the month.
   */
  BigDecimal total(MonthPart part) {
    BigDecimal month = total.at(part.month());
    if (part.isWhole()) {
      return month;
    }
    if (part.firstDay() > 1) {
      return evenly(month, part);
    }
    BigDecimal later = BigDecimal.ZERO;
    for (MonthPart other : parts(part.month())) {
      if (other.firstDay() > 1) {
        later = later.add(evenly(month, other));
      }
    }
    return month.subtract(later);
  }

  /** The planted share of {@code provider} in {@code part}: counterfactual plus the effect. */
  BigDecimal share(String provider, MonthPart part) {
    return share(provider, part, true);
  }

  /** The planted share at the end of {@code month} (in its last part). */
  BigDecimal share(String provider, YearMonth month) {
    List<MonthPart> parts = parts(month);
    return share(provider, parts.get(parts.size() - 1));
  }

  /** The share {@code provider} would have had in {@code month} without the planted effect. */
  BigDecimal counterfactualShare(String provider, YearMonth month) {
    return share(provider, MonthPart.whole(month), false);
  }

  /** The planted amount at one provider in one part of a month, USD rounded to cents. */
  BigDecimal amount(String provider, MonthPart part) {
    return total(part).multiply(share(provider, part)).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The planted monthly amount at one provider (the sum of its parts), USD in cents. */
  BigDecimal amount(String provider, YearMonth month) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (MonthPart part : parts(month)) {
      sum = sum.add(amount(provider, part));
    }
    return sum;
  }

  private BigDecimal share(String provider, MonthPart part, boolean withEffect) {
    if (provider.equals(remainderProvider)) {
      BigDecimal others = BigDecimal.ZERO;
      for (String other : providers()) {
        if (!other.equals(remainderProvider)) {
          others = others.add(share(other, part, withEffect));
        }
      }
      BigDecimal rest = BigDecimal.ONE.subtract(others);
      if (rest.signum() < 0) {
        throw new IllegalStateException(lab + " " + stream.value() + " shares exceed 1 in " + part);
      }
      return rest;
    }
    SharePath path = shares.get(provider);
    BigDecimal share = path == null ? BigDecimal.ZERO : path.at(part.month());
    if (withEffect && effect.isPresent()) {
      share = share.add(effect.get().gain(provider, part));
    }
    return share;
  }

  private static BigDecimal evenly(BigDecimal month, MonthPart part) {
    return month
        .multiply(BigDecimal.valueOf(part.days()))
        .divide(BigDecimal.valueOf(part.month().lengthOfMonth()), 2, RoundingMode.HALF_EVEN);
  }
}
