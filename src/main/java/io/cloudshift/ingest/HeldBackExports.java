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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Exports a run holds back because a delivery it would read cannot be ingested as it is (README
 * "Files that cannot be read"): a file that cannot be read at all ({@link
 * ReasonCode#UNREADABLE_FILE}), or two files that are the same data under names differing only by a
 * compression suffix ({@link ReasonCode#DUPLICATE_FILE}). Their slices keep the version of the
 * previous run, since ingesting the rest of the delivery would silently drop (or double) revenue.
 * Each such file becomes one file-level row of {@code rejected_charges} and its delivery a {@code
 * HELD_BACK} outcome in {@code job_runs}, with its files; the run fails once the other exports are
 * written.
 */
final class HeldBackExports {
  private static final String COMPRESSION_SUFFIX = ".gz";

  /**
   * One file that holds its delivery back, in the delivery that holds it.
   *
   * @param detail the reason_detail of its rejected_charges row
   * @param problem what is wrong, as the run's failure line says it
   */
  record HeldBackFile(
      ExportConfig export,
      Delivery delivery,
      FocusFile file,
      ReasonCode code,
      String detail,
      String problem) {
    /**
     * The file as Spark's {@code _metadata.file_path} names it, as every row of rejected_charges
     * does.
     */
    String sourceFile() {
      return SourceFileKey.sparkName(file.path());
    }

    static HeldBackFile unreadable(
        ExportConfig export, Delivery delivery, FocusFile file, String reason) {
      String name = SourceFileKey.sparkName(file.path());
      return new HeldBackFile(
          export,
          delivery,
          file,
          ReasonCode.UNREADABLE_FILE,
          reason,
          name + " cannot be read (" + reason + ")");
    }
  }

  /**
   * The first pair of files of a delivery the run reads whose names differ only by a compression
   * suffix ({@code x.csv} and {@code x.csv.gz}): one row of the uncompressed file, naming both.
   */
  static Optional<HeldBackFile> compressionTwins(ChargeSelection.ExportDeliveries export) {
    for (Delivery d : export.read()) {
      Map<String, FocusFile> byName = new HashMap<>();
      for (FocusFile f : d.files()) {
        String name = f.path().getName().toLowerCase(Locale.ROOT);
        String plain =
            name.endsWith(COMPRESSION_SUFFIX)
                ? name.substring(0, name.length() - COMPRESSION_SUFFIX.length())
                : name;
        FocusFile twin = byName.putIfAbsent(plain, f);
        if (twin != null) {
          FocusFile compressed = name.endsWith(COMPRESSION_SUFFIX) ? f : twin;
          FocusFile uncompressed = compressed == f ? twin : f;
          String both =
              SourceFileKey.sparkName(uncompressed.path()) + " and " + compressed.path().getName();
          return Optional.of(
              new HeldBackFile(
                  export.export(),
                  d,
                  uncompressed,
                  ReasonCode.DUPLICATE_FILE,
                  "the same data as "
                      + compressed.path().getName()
                      + " beside it (the names differ only by a compression suffix)",
                  both
                      + " differ only by a compression suffix: the same data delivered twice"
                      + " (remove the one that is a leftover)"));
        }
      }
    }
    return Optional.empty();
  }

  private static final StructType FILE_ROW =
      new StructType()
          .add(Columns.EXPORT_ID, DataTypes.StringType)
          .add(Columns.PROVIDER, DataTypes.StringType)
          .add(Columns.SOURCE_FILE, DataTypes.StringType)
          .add("size", DataTypes.LongType)
          .add(RejectedColumns.REASON_CODE, DataTypes.StringType)
          .add(RejectedColumns.REASON_DETAIL, DataTypes.StringType);

  private final Map<String, List<HeldBackFile>> byExport = new LinkedHashMap<>();

  boolean holds(String exportId) {
    return byExport.containsKey(exportId);
  }

  boolean isEmpty() {
    return byExport.isEmpty();
  }

  /**
   * Holds the file's export back; false when it already was (the same file failing twice is a bug).
   */
  boolean hold(HeldBackFile file) {
    return !holds(file.export().id())
        && byExport.computeIfAbsent(file.export().id(), k -> new ArrayList<>()).add(file);
  }

  /**
   * One row of rejected_charges per held-back file: no billing month, its reason, its path and size
   * as raw.
   */
  Dataset<Row> rejectedRows(SparkSession spark, String runId) {
    List<Row> rows =
        files().stream()
            .map(
                f ->
                    RowFactory.create(
                        f.export().id(),
                        f.export().provider().orElse(null),
                        f.sourceFile(),
                        f.file().length(),
                        f.code().name(),
                        f.detail()))
            .toList();
    return spark
        .createDataFrame(rows, FILE_ROW)
        .select(
            lit(runId).as(Columns.RUN_ID),
            col(Columns.EXPORT_ID),
            col(Columns.PROVIDER),
            col(Columns.SOURCE_FILE),
            lit(null).cast(DataTypes.StringType).as(ChargeColumns.BILLING_ACCOUNT_ID),
            lit(null).cast(DataTypes.DateType).as(ChargeColumns.BILLING_MONTH),
            col(RejectedColumns.REASON_CODE),
            col(RejectedColumns.REASON_DETAIL),
            to_json(struct(col(Columns.SOURCE_FILE).as("path"), col("size")))
                .as(RejectedColumns.RAW));
  }

  /**
   * The rows of rejected_charges the file-level rows of this run replace: those of the same files.
   */
  Column rejectedRange() {
    return col(ChargeColumns.BILLING_MONTH)
        .isNull()
        .and(
            col(Columns.SOURCE_FILE)
                .isin(files().stream().map(HeldBackFile::sourceFile).toArray()));
  }

  /**
   * Per delivery holding back its export: in job_runs.deliveries with its files, and with its month
   * when its folder names one (its rows were not read, so no other month is known).
   */
  List<DeliveryOutcome> outcomes() {
    return files().stream()
        .map(HeldBackFile::delivery)
        .distinct()
        .map(
            d ->
                new DeliveryOutcome(
                    d.exportId(),
                    d.folderMonth().orElse(null),
                    DeliveryOutcome.Status.HELD_BACK,
                    d.location(),
                    d.modifiedAt(),
                    d.files().size(),
                    null,
                    d.files().stream().map(f -> f.path().toString()).toList()))
        .toList();
  }

  /** The run's failure, one line naming the first file and what is wrong with it. */
  ExportsHeldBackException failure() {
    List<HeldBackFile> files = files();
    HeldBackFile first = files.get(0);
    return new ExportsHeldBackException(
        String.format(
            "Cannot ingest export(s) %s: %s%s; their slices keep their previous version and the"
                + " other exports were ingested (see rejected_charges, reason_code %s; replace or"
                + " remove the file and run ingest again)",
            String.join(", ", byExport.keySet()),
            first.problem(),
            files.size() > 1 ? " and " + (files.size() - 1) + " more file(s)" : "",
            first.code()));
  }

  private List<HeldBackFile> files() {
    return byExport.values().stream().flatMap(List::stream).toList();
  }

  /** The export, delivery and file of {@code e}, among the files the run reads. */
  static HeldBackFile locate(
      UnreadableFileException e, List<ChargeSelection.ExportDeliveries> deliveries) {
    String key = SourceFileKey.of(e.path());
    for (ChargeSelection.ExportDeliveries export : deliveries) {
      for (Delivery d : export.read()) {
        for (FocusFile f : d.files()) {
          if (SourceFileKey.of(f.path()).equals(key)) {
            return HeldBackFile.unreadable(export.export(), d, f, e.reason());
          }
        }
      }
    }
    throw new IllegalStateException(
        "Cannot place the unreadable file "
            + e.path()
            + ": the run does not read it (this is a bug)",
        e);
  }
}
