package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.audit.InputCount;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.Stream;
import io.cloudshift.schema.Tables;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FOCUS exports → silver {@code charges} and {@code rejected_charges} (SPEC §2.1, §3, §6). Every
 * row read lands in exactly one of them (or is counted out of scope of a period-scoped run), and
 * each (export, billing account, billing month) slice that was re-read replaces the old one.
 */
public final class ChargeIngest {
  private static final Logger LOG = LoggerFactory.getLogger(ChargeIngest.class);
  public static final String IN_SCOPE = "_in_scope";
  private static final String DATASET = "focus";

  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final DeltaTableWriter writer;
  private final String runId;
  private final BillingPeriodRange period;

  public ChargeIngest(SparkSession spark, CloudshiftConfig config, DeltaTableWriter writer, String runId, BillingPeriodRange period) {
    this.spark = spark;
    this.config = config;
    this.writer = writer;
    this.runId = runId;
    this.period = period;
  }

  public record Result(List<InputCount> inputs, Map<String, Long> tableVersions) {}

  public Result execute() {
    Optional<Dataset<Row>> rows = read();
    if (rows.isEmpty()) {
      LOG.warn("No FOCUS rows to ingest for period {}: charges left unchanged", period);
      return new Result(List.of(), Map.of());
    }
    Dataset<Row> prepared = rows.get().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<InputCount> counts = countPerFile(prepared);
      long silver = counts.stream().mapToLong(InputCount::rowsSilver).sum();
      long quarantined = counts.stream().mapToLong(InputCount::rowsQuarantine).sum();
      List<SliceKey> slices = slices(prepared);
      List<String> sourceFiles = counts.stream().map(InputCount::sourceFile).toList();
      Map<String, Long> versions = new LinkedHashMap<>();
      versions.put(Tables.REJECTED_CHARGES, writer.replaceSlices(Tables.REJECTED_CHARGES, rejected(prepared),
          SlicePredicates.slices(slices) + " OR " + SlicePredicates.keylessRows(sourceFiles, period), List.of()));
      double ratio = silver + quarantined == 0 ? 0 : (double) quarantined / (silver + quarantined);
      LOG.info("Charges: {} file(s), {} rows to silver, {} quarantined ({}), {} slice(s)",
          counts.size(), silver, quarantined, String.format("%.4f%%", ratio * 100), slices.size());
      if (ratio > config.maxRejectRatio()) {
        throw new RejectRatioExceededException(String.format(
            "Cannot ingest charges: %.2f%% of rows were quarantined, above cloudshift.quality.max-reject-ratio = %.2f%% "
                + "(see table rejected_charges for run %s; fix the input or raise the threshold)",
            ratio * 100, config.maxRejectRatio() * 100, runId));
      }
      if (!slices.isEmpty()) {
        versions.put(Tables.CHARGES, writer.replaceSlices(Tables.CHARGES, clean(prepared), SlicePredicates.slices(slices),
            List.of(ChargeColumns.BILLING_MONTH)));
      }
      return new Result(counts, versions);
    } finally {
      prepared.unpersist();
    }
  }

  /**
   * Every export's rows in the period, parsed, attributed, classified and marked in or out of scope
   * ({@link #IN_SCOPE}); empty when no export has a file for the period.
   */
  public Optional<Dataset<Row>> read() {
    ExportLoader loader =
        new ExportLoader(spark, new FocusNormalizer(config.focusRules().nullLiterals()), new ChargeParser(config.focusRules().currencies()));
    Dataset<Row> parsed = null;
    for (ExportConfig export : config.exports()) {
      ExportLoader.Loaded loaded = loader.load(export, period);
      if (loaded.rows() == null) {
        LOG.warn("Export {}: no input files for period {} under {}", export.id(), period, export.path());
        continue;
      }
      parsed = parsed == null ? loaded.rows() : parsed.unionByName(loaded.rows());
    }
    return Optional.ofNullable(parsed).map(this::prepare);
  }

  private Dataset<Row> prepare(Dataset<Row> parsed) {
    Dataset<Row> classified =
        new ChargeClassifier(config.focusRules(), config.providers().values())
            .classify(new ChargeAttributor(config.attribution()).attribute(parsed));
    return classified.withColumn(IN_SCOPE, inScope());
  }

  private Column inScope() {
    if (period.isAll()) {
      return lit(true);
    }
    List<java.time.YearMonth> months = period.months();
    Column month = col(ChargeColumns.BILLING_MONTH);
    return month.isNotNull()
        .and(month.between(lit(Date.valueOf(months.get(0).atDay(1))), lit(Date.valueOf(months.get(months.size() - 1).atDay(1)))));
  }

  private Dataset<Row> clean(Dataset<Row> prepared) {
    return prepared
        .where(col(IN_SCOPE).and(col(RejectedColumns.REASON_CODE).isNull()))
        .withColumn(ChargeColumns.RUN_ID, lit(runId))
        .select(ChargeColumns.ALL.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  private Dataset<Row> rejected(Dataset<Row> prepared) {
    return prepared
        .where(col(IN_SCOPE).and(col(RejectedColumns.REASON_CODE).isNotNull()))
        .select(
            lit(runId).as(RejectedColumns.RUN_ID),
            col(RejectedColumns.EXPORT_ID),
            col(RejectedColumns.PROVIDER),
            col(RejectedColumns.SOURCE_FILE),
            col(RejectedColumns.BILLING_ACCOUNT_ID),
            col(RejectedColumns.BILLING_MONTH),
            col(RejectedColumns.REASON_CODE),
            col(RejectedColumns.REASON_DETAIL),
            col(FocusNormalizer.RAW).as(RejectedColumns.RAW));
  }

  private static List<SliceKey> slices(Dataset<Row> prepared) {
    return prepared
        .where(col(IN_SCOPE).and(col(ChargeColumns.BILLING_ACCOUNT_ID).isNotNull()).and(col(ChargeColumns.BILLING_MONTH).isNotNull()))
        .select(ChargeColumns.EXPORT_ID, ChargeColumns.BILLING_ACCOUNT_ID, ChargeColumns.BILLING_MONTH)
        .distinct()
        .collectAsList()
        .stream()
        .map(r -> new SliceKey(r.getString(0), r.getString(1), r.getDate(2).toLocalDate()))
        .toList();
  }

  private static List<InputCount> countPerFile(Dataset<Row> prepared) {
    Column clean = col(IN_SCOPE).and(col(RejectedColumns.REASON_CODE).isNull());
    Column rejected = col(IN_SCOPE).and(col(RejectedColumns.REASON_CODE).isNotNull());
    return prepared
        .groupBy(ChargeColumns.EXPORT_ID, ChargeColumns.SOURCE_FILE)
        .agg(
            count(lit(1)).as("rows_in"),
            sum(when(clean, 1).otherwise(0)).as("rows_silver"),
            sum(when(rejected, 1).otherwise(0)).as("rows_quarantine"),
            sum(when(col(IN_SCOPE).unary_$bang(), 1).otherwise(0)).as("rows_out_of_scope"),
            sum(when(clean.and(col(ChargeColumns.STREAM).equalTo(Stream.UNATTRIBUTED.value())), 1).otherwise(0)).as("rows_unattributed"))
        .orderBy(ChargeColumns.EXPORT_ID, ChargeColumns.SOURCE_FILE)
        .collectAsList()
        .stream()
        .map(r -> new InputCount(DATASET, r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)))
        .toList();
  }
}
