package io.cloudshift.io;

import io.cloudshift.config.ExportConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
   * An export's data files, and the links the listing did not follow because what they lead to was
   * already listed.
   */
  public record Listing(List<FocusFile> files, List<String> skippedLinks) {
    public Listing {
      files = List.copyOf(files);
      skippedLinks = List.copyOf(skippedLinks);
    }
  }

  /**
   * Every non-empty data file under the export's path, sorted by path. Fails when the path does not
   * exist or holds no data file of the export's format: an export that lists nothing is a wrong
   * path or format, and reading it as "no deliveries" would withdraw all its months.
   *
   * <p>Symbolic links are followed, but every folder and file is listed once: a link to a folder
   * already listed (a cycle such as {@code loop -> ..}, or a second way into one folder) or to a
   * file already listed is skipped and reported in {@link Listing#skippedLinks()}, since following
   * it would list the same charges again, or forever.
   */
  public Listing list(ExportConfig export) {
    Path root = new Path(export.path());
    List<FocusFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoopConf);
      if (!fs.exists(root)) {
        throw new InputNotFoundException(
            "Cannot read export '"
                + export.id()
                + "': "
                + export.path()
                + " does not exist (fix cloudshift.exports path, or run `cloudshift generate` for"
                + " the bundled data)");
      }
      boolean any = false;
      for (FileStatus status : walk(fs, root, skipped)) {
        if (isData(status.getPath(), export.format())) {
          any = true;
          // Empty shards (e.g. BigQuery exports) hold no header and no rows.
          if (status.getLen() > 0) {
            files.add(
                new FocusFile(
                    status.getPath(),
                    status.getLen(),
                    Instant.ofEpochMilli(status.getModificationTime())));
          }
        }
      }
      if (!any) {
        throw new InputNotFoundException(
            "Cannot read export '"
                + export.id()
                + "': no "
                + export.format().name().toLowerCase(Locale.ROOT)
                + " files under "
                + export.path()
                + " (check cloudshift.exports path and format: csv reads .csv and .csv.gz, parquet"
                + " reads .parquet)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list export '" + export.id() + "' at " + export.path() + ": " + e.getMessage(),
          e);
    }
    files.sort(Comparator.comparing(f -> f.path().toString()));
    return new Listing(files, skipped);
  }

  /**
   * Every file under {@code root}, by plain listings: FileSystem#listFiles builds
   * LocatedFileStatus, which on the local file system without Hadoop's native library forks a shell
   * per file to read its permissions. On a local file system each folder and file is taken once, by
   * its identity (device and inode), and symbolic links only after every real entry: so a link
   * never stands in for a file that is also there under its own name, and cannot lead the walk in
   * circles. Object stores have no links.
   */
  private static List<FileStatus> walk(FileSystem fs, Path root, List<String> skipped)
      throws IOException {
    boolean local = "file".equals(fs.getScheme());
    Set<Object> seen = new HashSet<>();
    if (local && fs.getFileStatus(root).isDirectory()) {
      seen.add(identity(root));
    }
    List<FileStatus> files = new ArrayList<>();
    ArrayDeque<Path> folders = new ArrayDeque<>(List.of(root));
    ArrayDeque<FileStatus> links = new ArrayDeque<>();
    while (!folders.isEmpty() || !links.isEmpty()) {
      List<FileStatus> entries = new ArrayList<>();
      if (folders.isEmpty()) {
        entries.add(links.pop());
      } else {
        for (FileStatus status : fs.listStatus(folders.pop())) {
          if (local && Files.isSymbolicLink(nioPath(status.getPath()))) {
            links.add(status);
          } else {
            entries.add(status);
          }
        }
        entries.sort(Comparator.comparing(FileStatus::getPath));
      }
      for (FileStatus status : entries) {
        if (local && !seen.add(identity(status.getPath()))) {
          skipped.add(
              status.getPath().toUri().getPath()
                  + " leads to a "
                  + (status.isDirectory() ? "folder" : "file")
                  + " already listed");
        } else if (status.isDirectory()) {
          folders.push(status.getPath());
        } else {
          files.add(status);
        }
      }
    }
    return files;
  }

  private static java.nio.file.Path nioPath(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath());
  }

  /**
   * What a local path is, through its links: the file system's key (device and inode), else its
   * real path.
   */
  private static Object identity(Path path) throws IOException {
    java.nio.file.Path file = nioPath(path);
    Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    return key != null ? key : file.toRealPath();
  }

  /**
   * What the file declares: its column names as written (none for a blank file) and a signature
   * that is equal for files that can be read together (the CSV header; the Parquet schema with its
   * types, so files whose types differ are never read as one).
   *
   * @throws UnreadableFileException when the file cannot be opened or decoded (not gzip, not
   *     Parquet)
   */
  public FileHeader header(ExportConfig export, FocusFile file) {
    try {
      if (export.format() == ExportConfig.Format.CSV) {
        List<String> columns = csvHeader(export, file.path());
        return new FileHeader(columns, String.join("\u0000", columns));
      }
      MessageType schema = parquetSchema(file.path());
      return new FileHeader(
          schema.getFields().stream().map(Type::getName).toList(), schema.toString());
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

  /**
   * The footer only: opening every file through Spark would cost a schema-inference pass per file.
   */
  private MessageType parquetSchema(Path path) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(path, hadoopConf))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }
}
