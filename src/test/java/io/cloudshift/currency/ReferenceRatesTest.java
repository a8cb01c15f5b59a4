package io.cloudshift.currency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversions worked out by hand from two ECB publication days, a Friday and a Monday. */
class ReferenceRatesTest {
  private static final LocalDate FRIDAY = LocalDate.of(2026, 4, 24);
  private static final LocalDate MONDAY = LocalDate.of(2026, 4, 27);
  private static final ReferenceRates RATES =
      ReferenceRates.of(
          Map.of(
              FRIDAY, Map.of("USD", new BigDecimal("1.1364"), "GBP", new BigDecimal("0.8700")),
              MONDAY, Map.of("USD", new BigDecimal("1.1400"), "GBP", new BigDecimal("0.8650"))));

  @Test
  void aDayConvertsAtItsOwnPublicationThroughTheEuro() {
    assertThat(RATES.convert("EUR", "USD", FRIDAY))
        .contains(new ReferenceRates.Conversion(new BigDecimal("1.136400000000000000"), FRIDAY));
    // 1.1400 / 0.8650 = 1.3179190751445086705… rounded half-even at 18 places.
    assertThat(RATES.convert("GBP", "USD", MONDAY))
        .contains(new ReferenceRates.Conversion(new BigDecimal("1.317919075144508671"), MONDAY));
    // 1 / 1.1400 = 0.87719298245614035087…
    assertThat(RATES.convert("USD", "EUR", MONDAY))
        .contains(new ReferenceRates.Conversion(new BigDecimal("0.877192982456140351"), MONDAY));
  }

  @Test
  void aWeekendTakesFridaysRate() {
    assertThat(RATES.convert("EUR", "USD", FRIDAY.plusDays(1)).orElseThrow().rateDate())
        .isEqualTo(FRIDAY);
    assertThat(RATES.convert("EUR", "USD", FRIDAY.plusDays(2)).orElseThrow().factor())
        .isEqualByComparingTo("1.1364");
  }

  @Test
  void aCurrencyOrADateTheRatesLackHasNoConversion() {
    assertThat(RATES.convert("JPY", "USD", MONDAY)).isEmpty();
    assertThat(RATES.convert("EUR", "USD", FRIDAY.minusDays(1))).as("before the first").isEmpty();
    assertThat(RATES.convert("EUR", "USD", MONDAY.plusDays(7)).orElseThrow().rateDate())
        .as("a week after the last publication")
        .isEqualTo(MONDAY);
    assertThat(RATES.convert("EUR", "USD", MONDAY.plusDays(8)))
        .as("past the end of the rates")
        .isEmpty();
  }

  @Test
  void theSameCurrencyNeedsNoRate() {
    assertThat(ReferenceRates.of(Map.of()).convert("USD", "USD", MONDAY))
        .contains(new ReferenceRates.Conversion(new BigDecimal("1.000000000000000000"), null));
  }
}
