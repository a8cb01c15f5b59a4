package io.cloudshift.testing;

import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.ExactDecimal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Hand-made {@code charges_monthly} rows, reported in USD; one export per provider. */
public final class ChargesMonthlyRows {
  private final List<Row> rows = new ArrayList<>();

  /** Every amount (billed, effective, AI billed, AI effective) = {@code amount}; USD, the month. */
  public ChargesMonthlyRows add(
      String provider, String lab, String stream, String month, String amount) {
    return add(provider, lab, stream, month, "USD", "1", amount, amount, amount);
  }

  /**
   * A row over its whole month in {@code currency}, converted into USD at {@code fxRate} (USD per
   * unit; null: no rate, so the reporting amounts are null), rounded half-even to the money scale.
   */
  public ChargesMonthlyRows add(
      String provider,
      String lab,
      String stream,
      String month,
      String currency,
      String fxRate,
      String billed,
      String effective,
      String aiBilled) {
    LocalDate first = LocalDate.parse(month + "-01");
    return row(
        provider,
        lab,
        stream,
        first,
        first,
        first.plusMonths(1),
        currency,
        fxRate,
        billed,
        effective,
        aiBilled);
  }

  /**
   * A USD row of billing month {@code month} whose charge period is [{@code from}, {@code to}),
   * days at 00:00 UTC: a day's usage, or a subscription spanning a change of terms.
   */
  public ChargesMonthlyRows addPeriod(
      String provider,
      String lab,
      String stream,
      String month,
      String from,
      String to,
      String amount) {
    return row(
        provider,
        lab,
        stream,
        LocalDate.parse(month + "-01"),
        LocalDate.parse(from),
        LocalDate.parse(to),
        "USD",
        "1",
        amount,
        amount,
        amount);
  }

  private ChargesMonthlyRows row(
      String provider,
      String lab,
      String stream,
      LocalDate month,
      LocalDate from,
      LocalDate to,
      String currency,
      String fxRate,
      String billed,
      String effective,
      String aiBilled) {
    BigDecimal rate = fxRate == null ? null : new BigDecimal(fxRate);
    rows.add(
        RowFactory.create(
            provider,
            provider + "-focus",
            lab,
            stream,
            Date.valueOf(month),
            currency,
            utcMidnight(from),
            utcMidnight(to),
            new BigDecimal(billed),
            new BigDecimal(effective),
            new BigDecimal(aiBilled),
            new BigDecimal(aiBilled),
            1L,
            "USD",
            rate,
            rate == null || currency.equals("USD") ? null : Date.valueOf(from),
            times(billed, rate),
            times(effective, rate),
            times(aiBilled, rate),
            times(aiBilled, rate)));
    return this;
  }

  private static Timestamp utcMidnight(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static BigDecimal times(String amount, BigDecimal rate) {
    return rate == null
        ? null
        : new BigDecimal(amount)
            .multiply(rate)
            .setScale(ExactDecimal.MONEY.scale(), RoundingMode.HALF_EVEN);
  }

  public Dataset<Row> build() {
    return SparkTestSession.get().createDataFrame(rows, ChargesMonthlyTable.SPEC.schema());
  }
}
