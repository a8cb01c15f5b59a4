package io.cloudshift.currency;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.FxRatesTable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;

/**
 * USD amounts by month → the reporting currency (docs/methodology.md#currencies), for the figures
 * that are public USD figures rather than charges: lab revenue and the inbound share paid out of
 * it. A month converts at the rate of its first day, or the last publication before it, as a charge
 * converts at the day its period starts. A month the rates do not cover gives null.
 */
public final class UsdToReporting {
  public static final String USD = "USD";

  private final String reportingCurrency;
  private final Map<LocalDate, BigDecimal> factorByMonth;

  private UsdToReporting(String reportingCurrency, Map<LocalDate, BigDecimal> factorByMonth) {
    this.reportingCurrency = reportingCurrency;
    this.factorByMonth = factorByMonth;
  }

  /**
   * The conversion into {@code reportingCurrency}; reads the rates of {@code fxRates} (the {@code
   * fx_rates} table) only when that currency is not USD.
   */
  public static UsdToReporting of(String reportingCurrency, Supplier<Dataset<Row>> fxRates) {
    if (reportingCurrency.equals(USD)) {
      return new UsdToReporting(USD, Map.of());
    }
    Map<LocalDate, Map<String, BigDecimal>> byDay = new TreeMap<>();
    for (Row r :
        fxRates
            .get()
            .where(col(Columns.CURRENCY).isin(USD, reportingCurrency))
            .select(
                col(FxRatesTable.RATE_DATE),
                col(Columns.CURRENCY),
                col(FxRatesTable.UNITS_PER_EURO))
            .collectAsList()) {
      byDay
          .computeIfAbsent(r.getDate(0).toLocalDate(), d -> new HashMap<>())
          .put(r.getString(1), r.getDecimal(2));
    }
    ReferenceRates rates = ReferenceRates.of(byDay);
    Map<LocalDate, BigDecimal> factors = new TreeMap<>();
    if (!rates.isEmpty()) {
      LocalDate last = rates.byDay().lastKey().withDayOfMonth(1);
      for (LocalDate month = rates.byDay().firstKey().withDayOfMonth(1);
          !month.isAfter(last);
          month = month.plusMonths(1)) {
        LocalDate day = month;
        rates.convert(USD, reportingCurrency, day).ifPresent(c -> factors.put(day, c.factor()));
      }
    }
    return new UsdToReporting(reportingCurrency, factors);
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }

  /** The last month with a rate; empty when the reporting currency is USD (no rate needed). */
  public Optional<LocalDate> lastMonthCovered() {
    return factorByMonth.isEmpty()
        ? Optional.empty()
        : Optional.of(((TreeMap<LocalDate, BigDecimal>) factorByMonth).lastKey());
  }

  /**
   * {@code usdAmount} of {@code month} in the reporting currency, rounded half-even to {@code
   * type}.
   */
  public Column convert(Column usdAmount, Column month, DecimalType type) {
    if (reportingCurrency.equals(USD)) {
      return usdAmount;
    }
    List<Column> entries = new ArrayList<>();
    factorByMonth.forEach(
        (m, f) -> {
          entries.add(lit(Date.valueOf(m)));
          entries.add(lit(f).cast(ExactDecimal.FRACTION));
        });
    Column factor =
        entries.isEmpty()
            ? lit(null).cast(ExactDecimal.FRACTION)
            : element_at(map(entries.toArray(Column[]::new)), month);
    return ExactDecimal.times(usdAmount, factor, type);
  }
}
