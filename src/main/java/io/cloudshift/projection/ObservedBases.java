package io.cloudshift.projection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.periods.CalendarQuarter;
import io.cloudshift.schema.Columns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Base values of the projection from {@code lab_provider_monthly}: per lab × stream, the last
 * complete calendar quarter of data, the lab's stream total in it and each provider's revenue. The
 * projection works in USD, as its scenarios' amounts are: it reads the table when its reporting
 * currency is USD (the default), and finds no observed base otherwise. Revenue is the billed
 * (invoiced) measure: R = billed_revenue, T = lab_stream_total.
 */
public final class ObservedBases {
  /** The currency the projection works in. */
  public static final String CURRENCY = "USD";

  /** Key of an observation. */
  public record LabStream(String lab, String stream) {}

  /** One month of one lab × provider × stream, as read from lab_provider_monthly. */
  public record MonthlyPoint(
      String lab,
      String provider,
      String stream,
      LocalDate month,
      BigDecimal revenue,
      BigDecimal streamTotal) {}

  private ObservedBases() {}

  /** Reads the USD rows of the given labs (a few thousand rows at most) and summarises them. */
  public static Map<LabStream, StreamObservation> read(
      Dataset<Row> labProviderMonthly, Collection<String> labs) {
    if (labs.isEmpty()) {
      return Map.of();
    }
    List<Row> rows =
        labProviderMonthly
            .where(
                col(Columns.REPORTING_CURRENCY)
                    .equalTo(lit(CURRENCY))
                    .and(col(Columns.LAB).isin(new TreeSet<>(labs).toArray())))
            .select(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.STREAM),
                col(Columns.MONTH),
                col(Columns.BILLED_REVENUE),
                col(Columns.LAB_STREAM_TOTAL))
            .collectAsList();
    List<MonthlyPoint> points = new ArrayList<>();
    for (Row r : rows) {
      points.add(
          new MonthlyPoint(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              localDate(r.get(3)),
              amount(r, 4),
              amount(r, 5)));
    }
    return of(points);
  }

  /** A date as read: java.sql.Date, or LocalDate when spark.sql.datetime.java8API.enabled is on. */
  private static LocalDate localDate(Object value) {
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  private static BigDecimal amount(Row r, int i) {
    return r.isNullAt(i) ? BigDecimal.ZERO : (BigDecimal) r.get(i);
  }

  /**
   * Summarises monthly points: the last quarter with all three months is each lab × stream's base
   * quarter.
   */
  public static Map<LabStream, StreamObservation> of(List<MonthlyPoint> points) {
    Map<LabStream, List<MonthlyPoint>> byStream = new HashMap<>();
    for (MonthlyPoint p : points) {
      byStream.computeIfAbsent(new LabStream(p.lab(), p.stream()), k -> new ArrayList<>()).add(p);
    }
    Map<LabStream, StreamObservation> result = new HashMap<>();
    byStream.forEach((key, list) -> result.put(key, observe(list)));
    return Map.copyOf(result);
  }

  private static StreamObservation observe(List<MonthlyPoint> points) {
    TreeMap<CalendarQuarter, TreeSet<LocalDate>> months = new TreeMap<>();
    for (MonthlyPoint p : points) {
      months
          .computeIfAbsent(CalendarQuarter.of(p.month()), k -> new TreeSet<>())
          .add(p.month().withDayOfMonth(1));
    }
    CalendarQuarter base = null;
    for (Map.Entry<CalendarQuarter, TreeSet<LocalDate>> e : months.descendingMap().entrySet()) {
      if (e.getValue().size() == 3) {
        base = e.getKey();
        break;
      }
    }
    if (base == null) {
      return new StreamObservation(null, null, Map.of());
    }
    // T is repeated on every provider row of a month: take it once per month (the largest, should
    // rows disagree).
    Map<LocalDate, BigDecimal> totalByMonth = new TreeMap<>();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (MonthlyPoint p : points) {
      if (CalendarQuarter.of(p.month()).equals(base)) {
        totalByMonth.merge(p.month().withDayOfMonth(1), p.streamTotal(), BigDecimal::max);
        revenue.merge(p.provider(), p.revenue(), BigDecimal::add);
      }
    }
    BigDecimal total = totalByMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return new StreamObservation(base, total, revenue);
  }
}
