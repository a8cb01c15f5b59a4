package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.cloudshift.audit.DeliveryOutcome;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.ingest.delivery.Delivery;
import io.cloudshift.io.FocusFile;
import io.cloudshift.io.UnreadableFileException;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Exports a run holds back because one of the files it would read cannot be read at all (README
 * "Files that cannot be read"): their slices keep the version of the previous run, since ingesting
 * the rest of a delivery would silently drop the unreadable file's revenue. Each such file becomes
 * one file-level row of {@code rejected_charges} ({@link ReasonCode#UNREADABLE_FILE}) and its
 * delivery a {@code HELD_BACK} outcome in {@code job_runs}; the run fails once the other exports
 * are written.
 */
final class HeldBackExports {
  /** One file that could not be read, in the delivery that holds it. */
  record UnreadableFile(ExportConfig export, Delivery delivery, FocusFile file, String reason) {
    /** The file as Spark's {@code _metadata.file_path} names it, as every row of rejected_charges does. */
    String sourceFile() {
      return SourceFileKey.sparkName(file.path());
    }
  }

  private static final StructType FILE_ROW = new StructType()
      .add(Columns.EXPORT_ID, DataTypes.StringType)
      .add(Columns.PROVIDER, DataTypes.StringType)
      .add(Columns.SOURCE_FILE, DataTypes.StringType)
      .add("size", DataTypes.LongType)
      .add(RejectedColumns.REASON_DETAIL, DataTypes.StringType);

  private final Map<String, List<UnreadableFile>> byExport = new LinkedHashMap<>();

  boolean holds(String exportId) {
    return byExport.containsKey(exportId);
  }

  boolean isEmpty() {
    return byExport.isEmpty();
  }

  /** Holds the file's export back; false when it already was (the same file failing twice is a bug). */
  boolean hold(UnreadableFile file) {
    return !holds(file.export().id()) && byExport.computeIfAbsent(file.export().id(), k -> new ArrayList<>()).add(file);
  }

  /** One row of rejected_charges per unreadable file: no billing month, the error's first line, its path and size as raw. */
  Dataset<Row> rejectedRows(SparkSession spark, String runId) {
    List<Row> rows = files().stream()
        .map(f -> RowFactory.create(f.export().id(), f.export().provider().orElse(null), f.sourceFile(), f.file().length(), f.reason()))
        .toList();
    return spark.createDataFrame(rows, FILE_ROW).select(
        lit(runId).as(Columns.RUN_ID),
        col(Columns.EXPORT_ID),
        col(Columns.PROVIDER),
        col(Columns.SOURCE_FILE),
        lit(null).cast(DataTypes.StringType).as(ChargeColumns.BILLING_ACCOUNT_ID),
        lit(null).cast(DataTypes.DateType).as(ChargeColumns.BILLING_MONTH),
        lit(ReasonCode.UNREADABLE_FILE.name()).as(RejectedColumns.REASON_CODE),
        col(RejectedColumns.REASON_DETAIL),
        to_json(struct(col(Columns.SOURCE_FILE).as("path"), col("size"))).as(RejectedColumns.RAW));
  }

  /** The rows of rejected_charges the file-level rows of this run replace: those of the same files. */
  Column rejectedRange() {
    return col(ChargeColumns.BILLING_MONTH).isNull()
        .and(col(Columns.SOURCE_FILE).isin(files().stream().map(UnreadableFile::sourceFile).toArray()));
  }

  /** Per delivery holding an unreadable file: held back, in job_runs.deliveries. */
  List<DeliveryOutcome> outcomes() {
    return files().stream()
        .map(UnreadableFile::delivery)
        .distinct()
        .map(d -> new DeliveryOutcome(d.exportId(), d.folderMonth().orElse(null), DeliveryOutcome.Status.HELD_BACK, d.location(),
            d.modifiedAt(), d.files().size(), null))
        .toList();
  }

  /** The run's failure, one line naming the first file and its reason. */
  ExportsHeldBackException failure() {
    List<UnreadableFile> files = files();
    UnreadableFile first = files.get(0);
    return new ExportsHeldBackException(String.format(
        "Cannot ingest export(s) %s: %s cannot be read (%s)%s; their slices keep their previous version and the other exports "
            + "were ingested (see rejected_charges, reason_code %s; replace or remove the file and run ingest again)",
        String.join(", ", byExport.keySet()), first.sourceFile(), first.reason(),
        files.size() > 1 ? " and " + (files.size() - 1) + " more file(s)" : "", ReasonCode.UNREADABLE_FILE));
  }

  private List<UnreadableFile> files() {
    return byExport.values().stream().flatMap(List::stream).toList();
  }

  /** The export, delivery and file of {@code e}, among the files the run reads. */
  static UnreadableFile locate(UnreadableFileException e, List<ChargeSelection.ExportDeliveries> deliveries) {
    String key = SourceFileKey.of(e.path());
    for (ChargeSelection.ExportDeliveries export : deliveries) {
      for (Delivery d : export.read()) {
        for (FocusFile f : d.files()) {
          if (SourceFileKey.of(f.path()).equals(key)) {
            return new UnreadableFile(export.export(), d, f, e.reason());
          }
        }
      }
    }
    throw new IllegalStateException("Cannot place the unreadable file " + e.path() + ": the run does not read it (this is a bug)", e);
  }
}
