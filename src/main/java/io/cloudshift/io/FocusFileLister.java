package io.cloudshift.io;

import io.cloudshift.config.ExportConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.SparkSession;

/**
 * Finds an export's data files on any Hadoop file system (with their size and modification time,
 * which order its deliveries) and reads a file's column names, so files with different headers
 * (FOCUS versions) are parsed separately. Headers are read only for files that will be read.
 */
public final class FocusFileLister {
  private static final char BOM = '\uFEFF';

  private final Configuration hadoopConf;

  public FocusFileLister(SparkSession spark) {
    this.hadoopConf = spark.sparkContext().hadoopConfiguration();
  }

  /**
   * Every non-empty data file under the export's path, sorted by path. Fails when the path does not
   * exist or holds no data file of the export's format: an export that lists nothing is a wrong
   * path or format, and reading it as "no deliveries" would withdraw all its months.
   */
  public List<FocusFile> list(ExportConfig export) {
    Path root = new Path(export.path());
    List<FocusFile> files = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoopConf);
      if (!fs.exists(root)) {
        throw new InputNotFoundException(
            "Cannot read export '" + export.id() + "': " + export.path()
                + " does not exist (fix cloudshift.exports path, or run `cloudshift generate` for the bundled data)");
      }
      boolean any = false;
      for (FileStatus status : walk(fs, root)) {
        if (isData(status.getPath(), export.format())) {
          any = true;
          // Empty shards (e.g. BigQuery exports) hold no header and no rows.
          if (status.getLen() > 0) {
            files.add(new FocusFile(status.getPath(), status.getLen(), Instant.ofEpochMilli(status.getModificationTime())));
          }
        }
      }
      if (!any) {
        throw new InputNotFoundException(
            "Cannot read export '" + export.id() + "': no " + export.format().name().toLowerCase(Locale.ROOT) + " files under "
                + export.path() + " (check cloudshift.exports path and format: csv reads .csv and .csv.gz, parquet reads .parquet)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list export '" + export.id() + "' at " + export.path() + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(f -> f.path().toString()));
    return files;
  }

  /**
   * Every file under {@code root}, by plain listings: FileSystem#listFiles builds LocatedFileStatus,
   * which on the local file system without Hadoop's native library forks a shell per file to read
   * its permissions.
   */
  private static List<FileStatus> walk(FileSystem fs, Path root) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    ArrayDeque<Path> folders = new ArrayDeque<>(List.of(root));
    while (!folders.isEmpty()) {
      for (FileStatus status : fs.listStatus(folders.pop())) {
        if (status.isDirectory()) {
          folders.push(status.getPath());
        } else {
          files.add(status);
        }
      }
    }
    return files;
  }

  /**
   * What the file declares: its column names as written (none for a blank file) and a signature
   * that is equal for files that can be read together (the CSV header; the Parquet schema with its
   * types, so files whose types differ are never read as one).
   *
   * @throws UnreadableFileException when the file cannot be opened or decoded (not gzip, not Parquet)
   */
  public FileHeader header(ExportConfig export, FocusFile file) {
    try {
      if (export.format() == ExportConfig.Format.CSV) {
        List<String> columns = csvHeader(export, file.path());
        return new FileHeader(columns, String.join("\u0000", columns));
      }
      MessageType schema = parquetSchema(file.path());
      return new FileHeader(schema.getFields().stream().map(Type::getName).toList(), schema.toString());
    } catch (IOException | RuntimeException e) {
      // Parquet reports a file that is not Parquet with a RuntimeException, not an IOException.
      throw new UnreadableFileException(file.path(), e);
    }
  }

  /** A file's column names as written, and the signature of files that can be read together. */
  public record FileHeader(List<String> columns, String signature) {}

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

  private List<String> csvHeader(ExportConfig export, Path path) throws IOException {
    FileSystem fs = path.getFileSystem(hadoopConf);
    CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
    try (InputStream raw = fs.open(path);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, export.encoding()))) {
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

  /** The footer only: opening every file through Spark would cost a schema-inference pass per file. */
  private MessageType parquetSchema(Path path) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, hadoopConf))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }
}
