package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftQuarterlyTable.LAST_MONTH;
import static io.cloudshift.schema.UpliftQuarterlyTable.LAST_MONTH_SHARE;
import static io.cloudshift.schema.UpliftQuarterlyTable.MONTHS_IN_QUARTER;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.cloudshift.currency.UsdToReporting;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.CounterfactualModel;
import io.cloudshift.schema.FxRatesTable;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.QuarterBasis;
import io.cloudshift.schema.Stream;
import io.cloudshift.schema.UpliftEstimatesTable;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.schema.UpliftQuarterlyTable;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code uplift} job (docs/methodology.md#uplift Uplift (counterfactual)"), the I/O edge around
 * {@link UpliftMonthly} and {@link UpliftQuarterly}: reads {@code lab_provider_monthly}, {@code
 * partnership_terms} and {@code lab_revenue}, replaces {@code uplift_monthly} and then {@code
 * uplift_quarterly} (computed from the monthly table as written, so the quarters are the sums of
 * the stored rows). The gold tables are recomputed whole each run, so a rerun writes identical
 * rows.
 */
public final class UpliftJob extends PipelineStage {
  private static final List<String> STREAM_ORDER =
      List.of(Stream.COMPUTE.value(), Stream.RESALE.value(), UpliftMonthlyTable.INBOUND);

  public UpliftJob(StageContext context) {
    super(
        context,
        "uplift",
        List.of(
            LabProviderMonthlyTable.SPEC,
            ChargesMonthlyTable.SPEC,
            PartnershipTermsTable.SPEC,
            LabRevenueTable.SPEC,
            FxRatesTable.SPEC),
        List.of(UpliftMonthlyTable.SPEC, UpliftQuarterlyTable.SPEC, UpliftEstimatesTable.SPEC),
        false);
  }

  @Override
  public void execute(StageTables tables) {
    var providers = context.config().providers().values();
    Dataset<Row> labProviderMonthly = tables.readSmall(LabProviderMonthlyTable.SPEC);
    Dataset<Row> terms = tables.readSmall(PartnershipTermsTable.SPEC);
    Dataset<Row> labRevenue = tables.readSmall(LabRevenueTable.SPEC);
    UsdToReporting toReporting =
        UsdToReporting.of(
            context.config().reportingCurrency(), () -> tables.readSmall(FxRatesTable.SPEC));
    toReporting
        .lastMonthCovered()
        .filter(last -> lastMonth(labProviderMonthly).isAfter(last))
        .ifPresent(
            last ->
                tables
                    .progress()
                    .note(
                        "The inbound share of the months after "
                            + last
                            + " has null amounts in "
                            + toReporting.reportingCurrency()
                            + ": the reference rates end there (renew them with bin/refresh-fx)"));
    // Each table is computed from the one before as stored (the spec's types): quarterly = Σ
    // monthly holds on the tables, and each plan starts from a table scan.
    long monthlyVersion =
        tables.write(
            UpliftMonthlyTable.SPEC,
            UpliftMonthly.of(
                    labProviderMonthly,
                    tables.readSmall(ChargesMonthlyTable.SPEC),
                    terms,
                    labRevenue,
                    context.config().baselineMonths(),
                    context.config().trendMonths(),
                    providers,
                    toReporting)
                .orderBy(sortedBy(Columns.MONTH)));
    Dataset<Row> monthly = tables.readSmall(UpliftMonthlyTable.SPEC, monthlyVersion);
    long quarterlyVersion =
        tables.write(
            UpliftQuarterlyTable.SPEC,
            UpliftQuarterly.of(monthly, providers)
                .orderBy(sortedBy(Columns.QUARTER_BASIS, Columns.QUARTER_START)));
    tables.write(
        UpliftEstimatesTable.SPEC,
        UpliftEstimates.of(
                monthly,
                tables.readSmall(UpliftQuarterlyTable.SPEC, quarterlyVersion),
                labProviderMonthly,
                terms,
                context.config().baselineMonths(),
                context.config().trendMonths(),
                context.config().placeboMonths())
            .orderBy(
                sortedBy(
                    Columns.QUARTER_BASIS, UpliftEstimatesTable.HORIZON, Columns.QUARTER_START)));
  }

  /** Rows in event × stream × model × currency order, then by {@code then}. */
  private static Column[] sortedBy(String... then) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(
                Columns.LAB,
                Columns.PROVIDER,
                Columns.EVENT_MONTH,
                Columns.STREAM,
                UpliftMonthlyTable.MODEL,
                Columns.REPORTING_CURRENCY),
            Arrays.stream(then))
        .map(c -> col(c))
        .toArray(Column[]::new);
  }

  /**
   * The headline of one terms change for the run summary: for the latest calendar quarter of {@code
   * uplift_quarterly} in which the event has rows, one {@link HeadlineRow} per model and stream
   * (frozen, trend, control; within each compute, resale, inbound), with the interval and p-value
   * of {@code uplift_estimates} for that quarter. The event is identified by lab, provider and the
   * month of {@code effectiveFrom} (events are monthly: a change on 27 April 2026 is the April 2026
   * event). Empty when the event has no rows.
   */
  public static List<HeadlineRow> headline(
      Dataset<Row> upliftQuarterly,
      Dataset<Row> upliftEstimates,
      String lab,
      String provider,
      LocalDate effectiveFrom) {
    Column thisEvent =
        col(Columns.LAB)
            .equalTo(lab)
            .and(col(Columns.PROVIDER).equalTo(provider))
            .and(
                col(Columns.EVENT_MONTH)
                    .equalTo(lit(Date.valueOf(effectiveFrom.withDayOfMonth(1)))))
            .and(col(Columns.QUARTER_BASIS).equalTo(QuarterBasis.CALENDAR));
    Dataset<Row> event = upliftQuarterly.where(thisEvent);
    Row latest = event.agg(max(col(Columns.QUARTER_START))).head();
    if (latest.isNullAt(0)) {
      return List.of();
    }
    Column inLatest = col(Columns.QUARTER_START).equalTo(lit(latest.get(0)));
    Map<String, Row> estimates =
        upliftEstimates
            .where(
                thisEvent
                    .and(inLatest)
                    .and(
                        col(UpliftEstimatesTable.HORIZON)
                            .equalTo(UpliftEstimatesTable.HORIZON_QUARTER)))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(UpliftJob::modelAndStream, r -> r));
    return event.where(inLatest).collectAsList().stream()
        .map(r -> headlineRow(r, estimates.get(modelAndStream(r))))
        .sorted(
            Comparator.comparing((HeadlineRow h) -> CounterfactualModel.of(h.model()))
                .thenComparing(h -> streamRank(h.stream())))
        .toList();
  }

  private static String modelAndStream(Row r) {
    return r.getAs(UpliftMonthlyTable.MODEL) + "/" + r.getAs(Columns.STREAM);
  }

  private static HeadlineRow headlineRow(Row r, Row estimate) {
    return new HeadlineRow(
        r.getAs(UpliftMonthlyTable.MODEL),
        r.getAs(Columns.STREAM),
        r.getAs(Columns.REPORTING_CURRENCY),
        r.getAs(Columns.QUARTER_LABEL),
        r.<Integer>getAs(MONTHS_IN_QUARTER),
        localDate(r.getAs(LAST_MONTH)),
        r.<BigDecimal>getAs(UpliftMonthlyTable.UPLIFT),
        r.<BigDecimal>getAs(UpliftMonthlyTable.VOLUME_EFFECT),
        r.<BigDecimal>getAs(UpliftMonthlyTable.SHARE_EFFECT),
        r.<BigDecimal>getAs(UpliftMonthlyTable.MARGIN_EFFECT),
        r.<BigDecimal>getAs(UpliftMonthlyTable.NET_ACTUAL),
        r.<BigDecimal>getAs(UpliftMonthlyTable.NET_COUNTERFACTUAL),
        r.<BigDecimal>getAs(LAST_MONTH_SHARE),
        r.<BigDecimal>getAs(Columns.BREAK_EVEN_SHARE),
        estimate == null ? null : estimate.<BigDecimal>getAs(UpliftEstimatesTable.UPLIFT_LOW),
        estimate == null ? null : estimate.<BigDecimal>getAs(UpliftEstimatesTable.UPLIFT_HIGH),
        estimate == null ? null : estimate.<BigDecimal>getAs(UpliftEstimatesTable.PLACEBO_P_VALUE),
        estimate == null || estimate.getAs(UpliftEstimatesTable.PLACEBO_POOL) == null
            ? null
            : estimate.<Integer>getAs(UpliftEstimatesTable.PLACEBOS));
  }

  /**
   * A date column as read: java.sql.Date, or LocalDate when spark.sql.datetime.java8API.enabled.
   */
  private static LocalDate localDate(Object value) {
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  private static LocalDate lastMonth(Dataset<Row> labProviderMonthly) {
    Row last = labProviderMonthly.agg(max(col(Columns.MONTH))).head();
    return last.isNullAt(0) ? LocalDate.MIN : localDate(last.get(0));
  }

  private static int streamRank(String stream) {
    int i = STREAM_ORDER.indexOf(stream);
    return i < 0 ? STREAM_ORDER.size() : i;
  }
}
