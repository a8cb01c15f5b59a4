package io.cloudshift.ingest.reference;

import io.cloudshift.io.InputNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a curated CSV (header, UTF-8, RFC 4180 quoting with {@code ""} inside quoted cells, cells
 * may span lines) with every column as text: types are applied later with try_cast, so a bad value
 * becomes a quarantine row instead of an exception. A record that does not split into the header's
 * columns keeps its text in {@link RowValidator#CORRUPT_RECORD} (quarantined as MALFORMED_ROW).
 * Problems with the file as a whole (missing, no header, missing columns) fail with one clear line.
 */
final class CuratedCsvReader {
  private static final Map<String, String> OPTIONS =
      Map.of(
          "header", "true",
          "inferSchema", "false",
          "encoding", "UTF-8",
          "quote", "\"",
          "escape", "\"",
          "multiLine", "true",
          "mode", "PERMISSIVE");
  private static final String BOM = "\uFEFF";
  private static final Logger LOG = LoggerFactory.getLogger(CuratedCsvReader.class);

  private final SparkSession spark;

  CuratedCsvReader(SparkSession spark) {
    this.spark = spark;
  }

  /** The file's rows, one text column per header name, plus {@link RowValidator#CORRUPT_RECORD}. */
  Dataset<Row> read(ReferenceDataset dataset, String path) {
    List<String> header = header(dataset, path);
    StructType schema = new StructType();
    for (String column : header) {
      schema = schema.add(column, DataTypes.StringType, true);
    }
    schema = schema.add(RowValidator.CORRUPT_RECORD, DataTypes.StringType, true);
    return spark
        .read()
        .options(OPTIONS)
        .option("columnNameOfCorruptRecord", RowValidator.CORRUPT_RECORD)
        .schema(schema)
        .csv(path);
  }

  private List<String> header(ReferenceDataset dataset, String path) {
    // Checked first: Spark would also fail, but after logging a stack trace of its own.
    if (!exists(dataset, path)) {
      throw notFound(dataset, path);
    }
    String[] raw;
    try {
      raw = spark.read().options(OPTIONS).csv(path).columns();
    } catch (Exception e) { // Spark throws the checked AnalysisException without declaring it
      if (!(e instanceof AnalysisException analysis)) {
        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
      }
      if ("PATH_NOT_FOUND".equals(analysis.getCondition())) {
        throw notFound(dataset, path);
      }
      throw new InvalidReferenceInputException(
          "Cannot read "
              + dataset.id()
              + " input "
              + path
              + ": "
              + firstLine(analysis.getMessage())
              + " (it must be a UTF-8 CSV file whose first line is the header)");
    }
    List<String> columns = new ArrayList<>();
    for (String name : raw) {
      columns.add(name.replace(BOM, "").trim());
    }
    if (columns.isEmpty()) {
      throw new InvalidReferenceInputException(
          "Cannot read "
              + dataset.id()
              + " input "
              + path
              + ": the file is empty (its first line must be the header: "
              + String.join(",", dataset.columns())
              + ")");
    }
    Set<String> missing = new LinkedHashSet<>(dataset.columns());
    missing.removeAll(columns);
    if (!missing.isEmpty()) {
      throw new InvalidReferenceInputException(
          "Cannot read "
              + dataset.id()
              + " input "
              + path
              + ": missing column(s) "
              + String.join(", ", missing)
              + " (the header must name "
              + String.join(",", dataset.columns())
              + "; was a column renamed? found "
              + String.join(",", columns)
              + ")");
    }
    if (new LinkedHashSet<>(columns).size() != columns.size()
        || columns.contains(RowValidator.CORRUPT_RECORD)) {
      throw new InvalidReferenceInputException(
          "Cannot read "
              + dataset.id()
              + " input "
              + path
              + ": the header repeats a column name or uses "
              + RowValidator.CORRUPT_RECORD
              + " (found "
              + String.join(",", columns)
              + ")");
    }
    List<String> extra = new ArrayList<>(columns);
    extra.removeAll(dataset.columns());
    if (!extra.isEmpty()) {
      LOG.warn(
          "{} input {}: ignoring unknown column(s) {} (kept only in quarantined raw rows)",
          dataset.id(),
          path,
          extra);
    }
    return List.copyOf(columns);
  }

  private boolean exists(ReferenceDataset dataset, String path) {
    try {
      Path file = new Path(path);
      return file.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidReferenceInputException(
          "Cannot read "
              + dataset.id()
              + " input "
              + path
              + ": "
              + firstLine(e.getMessage())
              + " (check the path and its file system's settings)");
    }
  }

  private static InputNotFoundException notFound(ReferenceDataset dataset, String path) {
    return new InputNotFoundException(
        "Cannot read "
            + dataset.id()
            + " input "
            + path
            + ": no such file (check cloudshift.inputs."
            + dataset.id()
            + " in conf/ or pass --set cloudshift.inputs."
            + dataset.id()
            + "=<path of the curated CSV>)");
  }

  private static String firstLine(String message) {
    String text = message == null ? "unreadable" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
