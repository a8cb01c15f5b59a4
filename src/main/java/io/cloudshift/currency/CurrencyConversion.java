package io.cloudshift.currency;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Joins;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Amounts in a billing currency → the reporting currency, at the reference rate of a day of each
 * row (docs/methodology.md#currencies). The rows are few (a monthly aggregate): the conversions
 * they need, one per (currency, day), are worked out on the driver with {@link ReferenceRates} and
 * joined back. A row whose currency or day the rates lack gets null amounts, never 0, and is
 * reported in {@link Converted#missing()}.
 */
public final class CurrencyConversion {
  private static final String DAY = "_fx_day";
  private static final StructType FACTORS =
      new StructType()
          .add(Columns.BILLING_CURRENCY, DataTypes.StringType)
          .add(DAY, DataTypes.DateType)
          .add(Columns.FX_RATE, ExactDecimal.FRACTION)
          .add(Columns.FX_RATE_DATE, DataTypes.DateType);

  private final ReferenceRates rates;
  private final String reportingCurrency;

  public CurrencyConversion(ReferenceRates rates, String reportingCurrency) {
    this.rates = rates;
    this.reportingCurrency = reportingCurrency;
  }

  /** The rows converted, and the (currency, days, rows) that found no rate. */
  public record Converted(Dataset<Row> rows, List<Missing> missing) {}

  /** A billing currency with no rate on the days from {@code first} to {@code last}. */
  public record Missing(String currency, LocalDate first, LocalDate last, long chargeRows) {
    @Override
    public String toString() {
      return chargeRows
          + " charge row(s) in "
          + currency
          + " dated "
          + (first.equals(last) ? first : first + " to " + last);
    }
  }

  /**
   * {@code rows} with {@code reporting_currency}, {@code fx_rate} (reporting units per billing
   * unit), {@code fx_rate_date} (the publication used; null for the reporting currency itself) and,
   * for each of {@code amounts}, its twin {@code <amount>_reporting}, rounded half-even to the
   * money scale. {@code rateDay} is the day whose rate applies; {@code chargeRows} the column
   * counting the charges behind each row, for the report of missing rates.
   */
  public Converted apply(
      Dataset<Row> rows, Column rateDay, List<String> amounts, String chargeRows) {
    Dataset<Row> withDay = rows.withColumn(DAY, rateDay);
    List<Row> factors = new ArrayList<>();
    Map<String, Missing> missing = new TreeMap<>();
    for (Row needed :
        withDay
            .groupBy(col(Columns.BILLING_CURRENCY), col(DAY))
            .agg(sum(chargeRows))
            .collectAsList()) {
      String currency = needed.getString(0);
      LocalDate day = needed.getDate(1).toLocalDate();
      Optional<ReferenceRates.Conversion> conversion =
          rates.convert(currency, reportingCurrency, day);
      if (conversion.isPresent()) {
        LocalDate rateDate = conversion.get().rateDate();
        factors.add(
            RowFactory.create(
                currency,
                Date.valueOf(day),
                conversion.get().factor(),
                rateDate == null ? null : Date.valueOf(rateDate)));
      } else {
        missing.merge(
            currency,
            new Missing(currency, day, day, needed.getLong(2)),
            (a, b) ->
                new Missing(
                    currency,
                    a.first().isBefore(b.first()) ? a.first() : b.first(),
                    a.last().isAfter(b.last()) ? a.last() : b.last(),
                    a.chargeRows() + b.chargeRows()));
      }
    }
    Dataset<Row> converted =
        withDay
            .join(
                broadcast(rows.sparkSession().createDataFrame(factors, FACTORS)),
                Joins.using(List.of(Columns.BILLING_CURRENCY, DAY)),
                "left")
            .withColumn(Columns.REPORTING_CURRENCY, lit(reportingCurrency));
    for (String amount : amounts) {
      converted =
          converted.withColumn(
              amount + Columns.REPORTING_SUFFIX,
              ExactDecimal.times(col(amount), col(Columns.FX_RATE), ExactDecimal.MONEY));
    }
    return new Converted(converted.drop(DAY), List.copyOf(missing.values()));
  }
}
