package io.cloudshift.reconciliation;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.DisclosureColumns;
import io.cloudshift.schema.QuarterBasis;
import io.cloudshift.schema.RevenueReconciliationTable;
import io.cloudshift.schema.Stream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code charges_monthly} + silver {@code provider_disclosures} → {@code revenue_reconciliation}
 * rows (docs/methodology.md#outputs). Only USD rows of the data are summed (disclosures are in USD
 * and amounts are never summed across currencies); other currencies present are named in {@code
 * excluded_currencies}.
 *
 * <p>Disclosures are placed by their calendar span (calendar_start .. calendar_end), not their
 * label: Microsoft's and Oracle's fiscal quarters are shifted calendar spans. A disclosure
 * therefore matches the fiscal-basis row of its span and, when the span is also a calendar quarter
 * (Microsoft's are: FY26Q1 = Jul–Sep 2025), the calendar-basis row too. The row frame of each
 * provider and basis is every quarter with data plus every disclosed span that is a quarter of that
 * basis (the fiscal basis always holds the disclosed span), so disclosed quarters without data
 * appear (data null) and quarters with data but no disclosure appear (disclosure null). Several
 * disclosures of one span (e.g. Microsoft Intelligent Cloud and Microsoft AI business) give one row
 * each.
 */
public final class RevenueReconciliation {
  /** The currency reconciled: the disclosures' and the only one summed. */
  public static final String CURRENCY = "USD";

  /** Disclosure metrics that are revenue (after ÷4 for a run-rate). */
  public static final List<String> METRICS =
      List.of(DisclosureColumns.SEGMENT_REVENUE_USD, DisclosureColumns.AI_RUN_RATE_USD);

  private static final String START_MONTH = "_start_month";
  private static final String MONTH = "_month";

  private RevenueReconciliation() {}

  public static Dataset<Row> of(
      Dataset<Row> chargesMonthly, Dataset<Row> disclosures, Collection<ProviderConfig> providers) {
    Column billed = col(Columns.BILLED_REVENUE);
    Column stream = col(Columns.STREAM);
    Column provider = col(Columns.PROVIDER);
    Column isUsd = col(Columns.BILLING_CURRENCY).equalTo(lit(CURRENCY));

    // Per provider × month: revenue by stream (USD), and the other currencies present.
    Dataset<Row> months =
        chargesMonthly
            .groupBy(provider.as(Columns.PROVIDER), trunc(col(Columns.MONTH), "month").as(MONTH))
            .agg(
                sum(when(isUsd.and(stream.equalTo(Stream.COMPUTE.value())), billed)).as("_compute"),
                sum(when(isUsd.and(stream.equalTo(Stream.RESALE.value())), billed)).as("_resale"),
                sum(when(isUsd.and(stream.equalTo(Stream.UNATTRIBUTED.value())), billed))
                    .as("_unattributed"),
                sum(when(isUsd, billed)).as("_total"),
                count(when(isUsd, lit(1))).as("_usd_rows"),
                collect_set(when(isUsd.equalTo(lit(false)), col(Columns.BILLING_CURRENCY)))
                    .as("_other_currencies"));

    Dataset<Row> frame =
        dataQuarters(months, providers).union(disclosedQuarters(disclosures, providers)).distinct();

    // Data per quarter: a range join of the (small) monthly aggregate onto the frame.
    Dataset<Row> m = months.as("m");
    Dataset<Row> f = frame.as("f");
    Column inSpan =
        col("f." + Columns.PROVIDER)
            .equalTo(col("m." + Columns.PROVIDER))
            .and(
                col("m." + MONTH)
                    .between(col("f." + Columns.QUARTER_START), col("f." + Columns.QUARTER_END)));
    Dataset<Row> data =
        f.join(m, inSpan, "left")
            .groupBy(
                col("f." + Columns.PROVIDER).as(Columns.PROVIDER),
                col("f." + Columns.QUARTER_BASIS).as(Columns.QUARTER_BASIS),
                col("f." + Columns.QUARTER_START).as(Columns.QUARTER_START),
                col("f." + Columns.QUARTER_END).as(Columns.QUARTER_END),
                col("f." + START_MONTH).as(START_MONTH))
            .agg(
                count(when(col("m._usd_rows").gt(0), lit(1)))
                    .cast("int")
                    .as(RevenueReconciliationTable.MONTHS_IN_DATA),
                sum("m._compute").as("_compute"),
                sum("m._resale").as("_resale"),
                sum("m._unattributed").as("_unattributed"),
                sum("m._total").as("_total"),
                array_sort(
                        org.apache.spark.sql.functions.flatten(
                            collect_set(col("m._other_currencies"))))
                    .as("_other"));

    Column hasData = col(RevenueReconciliationTable.MONTHS_IN_DATA).gt(0);
    Column compute = when(hasData, coalesce(col("_compute"), lit(0)));
    Column resale = when(hasData, coalesce(col("_resale"), lit(0)));
    Column unattributed = when(hasData, coalesce(col("_unattributed"), lit(0)));
    Column total = when(hasData, coalesce(col("_total"), lit(0)));
    Column otherCurrencies = org.apache.spark.sql.functions.array_distinct(col("_other"));
    Dataset<Row> quarters =
        data.select(
            col(Columns.PROVIDER),
            col(Columns.QUARTER_BASIS),
            col(Columns.QUARTER_START),
            col(Columns.QUARTER_END),
            col(START_MONTH),
            col(RevenueReconciliationTable.MONTHS_IN_DATA),
            col(RevenueReconciliationTable.MONTHS_IN_DATA)
                .equalTo(3)
                .as(RevenueReconciliationTable.COMPLETE_IN_DATA),
            compute.as(RevenueReconciliationTable.COMPUTE_REVENUE),
            resale.as(RevenueReconciliationTable.RESALE_REVENUE),
            when(hasData, ReconciliationFormulas.labAttributed(compute, resale))
                .as(RevenueReconciliationTable.LAB_ATTRIBUTED),
            unattributed.as(RevenueReconciliationTable.UNATTRIBUTED),
            total.as(RevenueReconciliationTable.TOTAL_IN_DATA),
            when(size(otherCurrencies).gt(0), concat_ws(",", otherCurrencies))
                .as(RevenueReconciliationTable.EXCLUDED_CURRENCIES));

    Dataset<Row> d = revenueDisclosures(disclosures).as("d");
    Dataset<Row> q = quarters.as("q");
    Column sameSpan =
        col("q." + Columns.PROVIDER)
            .equalTo(col("d." + Columns.PROVIDER))
            .and(
                col("q." + Columns.QUARTER_START)
                    .equalTo(col("d." + DisclosureColumns.CALENDAR_START)))
            .and(
                col("q." + Columns.QUARTER_END)
                    .equalTo(col("d." + DisclosureColumns.CALENDAR_END)));
    Dataset<Row> joined = q.join(d, sameSpan, "left");

    List<Column> out = new ArrayList<>();
    out.add(col("q." + Columns.PROVIDER).as(Columns.PROVIDER));
    out.addAll(
        List.of(
            QuarterColumns.quarterOf(
                col("q." + Columns.QUARTER_BASIS),
                col("q." + Columns.QUARTER_START),
                col("q." + START_MONTH))));
    Column disclosed =
        ReconciliationFormulas.quarterlyDisclosed(
            col("d." + Columns.METRIC), col("d." + DisclosureColumns.VALUE));
    out.addAll(
        List.of(
            col("q." + RevenueReconciliationTable.MONTHS_IN_DATA)
                .as(RevenueReconciliationTable.MONTHS_IN_DATA),
            col("q." + RevenueReconciliationTable.COMPLETE_IN_DATA)
                .as(RevenueReconciliationTable.COMPLETE_IN_DATA),
            col("q." + RevenueReconciliationTable.COMPUTE_REVENUE)
                .as(RevenueReconciliationTable.COMPUTE_REVENUE),
            col("q." + RevenueReconciliationTable.RESALE_REVENUE)
                .as(RevenueReconciliationTable.RESALE_REVENUE),
            col("q." + RevenueReconciliationTable.LAB_ATTRIBUTED)
                .as(RevenueReconciliationTable.LAB_ATTRIBUTED),
            col("q." + RevenueReconciliationTable.UNATTRIBUTED)
                .as(RevenueReconciliationTable.UNATTRIBUTED),
            col("q." + RevenueReconciliationTable.TOTAL_IN_DATA)
                .as(RevenueReconciliationTable.TOTAL_IN_DATA),
            col("q." + RevenueReconciliationTable.EXCLUDED_CURRENCIES)
                .as(RevenueReconciliationTable.EXCLUDED_CURRENCIES),
            col("d." + Columns.DISCLOSURE_ID).as(Columns.DISCLOSURE_ID),
            col("d." + DisclosureColumns.SEGMENT).as(RevenueReconciliationTable.DISCLOSED_SEGMENT),
            col("d." + Columns.METRIC).as(RevenueReconciliationTable.DISCLOSED_METRIC),
            col("d." + DisclosureColumns.VALUE).as(RevenueReconciliationTable.DISCLOSED_VALUE),
            disclosed.as(RevenueReconciliationTable.DISCLOSED_SEGMENT_REVENUE),
            col("d." + DisclosureColumns.PERIOD_LABEL)
                .as(RevenueReconciliationTable.DISCLOSED_PERIOD_LABEL),
            col("d." + DisclosureColumns.SEGMENT_BASIS)
                .as(RevenueReconciliationTable.DISCLOSED_BASIS),
            col("d." + Columns.SOURCE_URL).as(Columns.SOURCE_URL),
            col("d." + Columns.CONFIDENCE).as(Columns.CONFIDENCE),
            ReconciliationFormulas.ratioToDisclosed(
                    col("q." + RevenueReconciliationTable.LAB_ATTRIBUTED), disclosed)
                .as(RevenueReconciliationTable.COVERAGE),
            ReconciliationFormulas.ratioToDisclosed(
                    col("q." + RevenueReconciliationTable.TOTAL_IN_DATA), disclosed)
                .as(RevenueReconciliationTable.DATA_TOTAL_VS_DISCLOSED)));
    return joined.select(out.toArray(Column[]::new));
  }

  /** The disclosures that are revenue figures (segment revenue, AI run-rate). */
  static Dataset<Row> revenueDisclosures(Dataset<Row> disclosures) {
    return disclosures.where(col(Columns.METRIC).isin(METRICS.toArray()));
  }

  /**
   * (provider, basis, quarter_start, quarter_end, start month) of every month with data, in both
   * bases.
   */
  private static Dataset<Row> dataQuarters(
      Dataset<Row> months, Collection<ProviderConfig> providers) {
    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers);
    return span(months, col(MONTH), QuarterBasis.CALENDAR, lit(1))
        .union(span(months, col(MONTH), QuarterBasis.FISCAL, fiscalStart));
  }

  private static Dataset<Row> span(
      Dataset<Row> rows, Column firstOfMonth, String basis, Column startMonth) {
    Column quarterStart = FiscalCalendar.quarterStart(firstOfMonth, startMonth);
    return rows.select(
        col(Columns.PROVIDER),
        lit(basis).as(Columns.QUARTER_BASIS),
        quarterStart.as(Columns.QUARTER_START),
        FiscalCalendar.quarterEnd(quarterStart).as(Columns.QUARTER_END),
        startMonth.cast("int").as(START_MONTH));
  }

  /**
   * Disclosed spans: always a fiscal-basis quarter (ingest checks the span is the fiscal quarter it
   * names); also a calendar-basis quarter when the span is one (starts on the 1st of
   * Jan/Apr/Jul/Oct and ends on the last day of the third month).
   */
  private static Dataset<Row> disclosedQuarters(
      Dataset<Row> disclosures, Collection<ProviderConfig> providers) {
    Column start = col(DisclosureColumns.CALENDAR_START);
    Column end = col(DisclosureColumns.CALENDAR_END);
    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers);
    Dataset<Row> spans =
        revenueDisclosures(disclosures)
            .select(
                col(Columns.PROVIDER).as(Columns.PROVIDER),
                start.as("_s"),
                end.as("_e"),
                fiscalStart.cast("int").as("_fs"));
    Column calendarAligned =
        dayofmonth(col("_s"))
            .equalTo(1)
            .and(col("_s").equalTo(FiscalCalendar.quarterStart(col("_s"), lit(1))))
            .and(col("_e").equalTo(FiscalCalendar.quarterEnd(col("_s"))));
    Dataset<Row> calendar =
        spans
            .where(calendarAligned)
            .select(
                col(Columns.PROVIDER),
                lit(QuarterBasis.CALENDAR).as(Columns.QUARTER_BASIS),
                col("_s").as(Columns.QUARTER_START),
                col("_e").as(Columns.QUARTER_END),
                lit(1).as(START_MONTH));
    Dataset<Row> fiscal =
        spans.select(
            col(Columns.PROVIDER),
            lit(QuarterBasis.FISCAL).as(Columns.QUARTER_BASIS),
            col("_s").as(Columns.QUARTER_START),
            col("_e").as(Columns.QUARTER_END),
            col("_fs").as(START_MONTH));
    return calendar.union(fiscal);
  }
}
