package io.cloudshift.io;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.config.BillingPeriodRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Finds an export's files on any Hadoop file system and reads each file's column names, so files
 * with different headers (FOCUS versions) are parsed separately. A {@code billing_period=YYYY-MM}
 * (or {@code BILLING_PERIOD=}) folder in the path lets a period-scoped run skip whole files.
 */
public final class FocusFileLister {
  private static final Pattern PERIOD_FOLDER = Pattern.compile("(?i)billing_period=(\\d{4}-\\d{2})");
  private static final char BOM = '\uFEFF';

  private final SparkSession spark;
  private final Configuration hadoopConf;

  public FocusFileLister(SparkSession spark) {
    this.spark = spark;
    this.hadoopConf = spark.sparkContext().hadoopConfiguration();
  }

  public List<FocusFile> list(ExportConfig export, BillingPeriodRange period) {
    Path root = new Path(export.path());
    List<FocusFile> files = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoopConf);
      if (!fs.exists(root)) {
        throw new InputNotFoundException(
            "Cannot read export '" + export.id() + "': " + export.path()
                + " does not exist (fix cloudshift.exports path, or run `cloudshift generate` for the bundled data)");
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      List<FileStatus> found = new ArrayList<>();
      while (it.hasNext()) {
        FileStatus status = it.next();
        if (isData(status.getPath(), export.format()) && inPeriod(status.getPath(), period)) {
          found.add(status);
        }
      }
      found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
      for (FileStatus status : found) {
        if (status.getLen() == 0) {
          continue; // empty shards (e.g. BigQuery exports) hold no header and no rows
        }
        String path = status.getPath().toString();
        files.add(new FocusFile(path, export.format() == ExportConfig.Format.CSV ? csvHeader(fs, status.getPath()) : parquetColumns(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list export '" + export.id() + "' at " + export.path() + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static boolean isData(Path path, ExportConfig.Format format) {
    String name = path.getName().toLowerCase(Locale.ROOT);
    if (name.startsWith("_") || name.startsWith(".")) {
      return false;
    }
    return switch (format) {
      case CSV -> name.endsWith(".csv") || name.endsWith(".csv.gz");
      case PARQUET -> name.endsWith(".parquet");
    };
  }

  static boolean inPeriod(Path path, BillingPeriodRange period) {
    if (period.isAll()) {
      return true;
    }
    Optional<YearMonth> folderMonth = periodFolder(path.toString());
    return folderMonth.map(period::contains).orElse(true);
  }

  static Optional<YearMonth> periodFolder(String path) {
    Matcher m = PERIOD_FOLDER.matcher(path);
    Optional<YearMonth> last = Optional.empty();
    while (m.find()) {
      try {
        last = Optional.of(YearMonth.parse(m.group(1)));
      } catch (DateTimeParseException e) {
        last = Optional.empty();
      }
    }
    return last;
  }

  private List<String> csvHeader(FileSystem fs, Path path) throws IOException {
    CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
    try (InputStream raw = fs.open(path);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = reader.readLine();
      while (line != null && line.isBlank()) {
        line = reader.readLine();
      }
      if (line == null) {
        return List.of();
      }
      if (!line.isEmpty() && line.charAt(0) == BOM) {
        line = line.substring(1);
      }
      return splitHeader(line);
    }
  }

  /** Splits an RFC 4180 header line; names are trimmed of surrounding quotes and blanks. */
  static List<String> splitHeader(String line) {
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        names.add(current.toString().trim());
        current.setLength(0);
      } else if (c != '\r') {
        current.append(c);
      }
    }
    names.add(current.toString().trim());
    return names;
  }

  private List<String> parquetColumns(String path) {
    return Arrays.stream(spark.read().parquet(path).schema().fields()).map(StructField::name).toList();
  }
}
