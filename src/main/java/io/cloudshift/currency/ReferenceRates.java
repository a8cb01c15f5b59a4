package io.cloudshift.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dated reference rates quoted against the euro, as the ECB publishes them: on each publication
 * day, the units of each currency that one euro buys. Converts between any two currencies through
 * the euro (docs/methodology.md#currencies).
 *
 * <p>A date converts at the last publication on or before it (a weekend or a holiday takes the
 * business day before), provided that publication is at most {@value #MAX_DAYS_BEFORE} days old:
 * the ECB publishes every TARGET business day, so an older one means the date lies past the end of
 * the rates. A currency the publication does not quote has no rate that day; a conversion into the
 * same currency needs no rate.
 */
public final class ReferenceRates {
  public static final String EURO = "EUR";

  /** The longest gap between two ECB publications is 5 days (Easter); 7 leaves a margin. */
  public static final int MAX_DAYS_BEFORE = 7;

  /** Scale of a conversion factor: the fraction scale of every share in the tables. */
  public static final int FACTOR_SCALE = 18;

  private final NavigableMap<LocalDate, Map<String, BigDecimal>> unitsPerEuro;

  private ReferenceRates(NavigableMap<LocalDate, Map<String, BigDecimal>> unitsPerEuro) {
    this.unitsPerEuro = unitsPerEuro;
  }

  /** Rates by publication day: currency → units per euro (EUR itself may be left out). */
  public static ReferenceRates of(Map<LocalDate, Map<String, BigDecimal>> unitsPerEuro) {
    NavigableMap<LocalDate, Map<String, BigDecimal>> copy = new TreeMap<>();
    unitsPerEuro.forEach((day, rates) -> copy.put(day, Map.copyOf(rates)));
    return new ReferenceRates(Collections.unmodifiableNavigableMap(copy));
  }

  /** Publication days, in order, with their rates. */
  public NavigableMap<LocalDate, Map<String, BigDecimal>> byDay() {
    return unitsPerEuro;
  }

  public boolean isEmpty() {
    return unitsPerEuro.isEmpty();
  }

  /**
   * How many units of {@code to} one unit of {@code from} is worth on {@code date}, and the
   * publication day used; empty when the rates lack either currency that day or the date is not
   * covered.
   */
  public Optional<Conversion> convert(String from, String to, LocalDate date) {
    if (from.equals(to)) {
      return Optional.of(new Conversion(BigDecimal.ONE.setScale(FACTOR_SCALE), null));
    }
    Map.Entry<LocalDate, Map<String, BigDecimal>> publication = unitsPerEuro.floorEntry(date);
    if (publication == null
        || ChronoUnit.DAYS.between(publication.getKey(), date) > MAX_DAYS_BEFORE) {
      return Optional.empty();
    }
    BigDecimal fromPerEuro = perEuro(publication.getValue(), from);
    BigDecimal toPerEuro = perEuro(publication.getValue(), to);
    if (fromPerEuro == null || toPerEuro == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Conversion(
            toPerEuro.divide(fromPerEuro, FACTOR_SCALE, RoundingMode.HALF_EVEN),
            publication.getKey()));
  }

  private static BigDecimal perEuro(Map<String, BigDecimal> rates, String currency) {
    return currency.equals(EURO) ? BigDecimal.ONE : rates.get(currency);
  }

  /**
   * Units of the target currency per unit of the source, and the publication day it comes from
   * (null when no rate was needed: the same currency).
   */
  public record Conversion(BigDecimal factor, LocalDate rateDate) {}
}
