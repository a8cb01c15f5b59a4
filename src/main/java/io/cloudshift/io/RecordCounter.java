package io.cloudshift.io;

import io.cloudshift.config.ExportConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Counts the records of an input file without Spark, so that what ingest accounts for can be
 * checked against a count its own queries did not make (docs/guarantees.md): a Parquet file's row
 * count from its footer, a CSV file's RFC 4180 records (a quoted field may hold line breaks) after
 * the header, empty lines not counted.
 */
public final class RecordCounter {
  private final Configuration hadoopConf;

  public RecordCounter(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /**
   * The data records of a FOCUS file of {@code export}.
   *
   * @throws UnreadableFileException when the file cannot be read to its end (a truncated gzip)
   */
  public long count(FocusFile file, ExportConfig export) {
    return switch (export.format()) {
      case PARQUET -> parquetRows(file.path());
      case CSV -> csvRecords(file.path(), export.encoding());
    };
  }

  /**
   * The records of a CSV file after its header; compressed files (.gz, …) are read through their
   * codec.
   */
  public long csvRecords(Path path, Charset charset) {
    try {
      CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
      InputStream raw = path.getFileSystem(hadoopConf).open(path);
      try (InputStream in = codec == null ? raw : codec.createInputStream(raw);
          Reader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16)) {
        return Math.max(0, csvRecords(reader) - 1);
      }
    } catch (IOException e) {
      throw new UnreadableFileException(path, e);
    }
  }

  private long parquetRows(Path path) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(path, hadoopConf))) {
      return reader.getRecordCount();
    } catch (IOException | RuntimeException e) {
      // Parquet reports a file that is not Parquet with a RuntimeException, not an IOException.
      throw new UnreadableFileException(path, e);
    }
  }

  /**
   * Records in RFC 4180 text: a line break ends one outside quotes; a line with nothing on it is
   * none. Text that ends inside a quoted field has no well-defined records (parsers disagree on
   * where they end), so it is an error naming the line the field opened on.
   */
  static long csvRecords(Reader reader) throws IOException {
    long records = 0;
    long line = 1;
    long quoteOpenedOnLine = 0;
    boolean quoted = false;
    boolean recordHasText = false;
    char[] buffer = new char[1 << 16];
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (c == '\n') {
          line++;
        }
        if (c == '"') {
          // An escaped quote ("") toggles twice, which leaves the state as it was.
          quoted = !quoted;
          quoteOpenedOnLine = line;
          recordHasText = true;
        } else if ((c == '\n' || c == '\r') && !quoted) {
          if (recordHasText) {
            records++;
          }
          recordHasText = false;
        } else {
          recordHasText = true;
        }
      }
    }
    if (quoted) {
      throw new IOException(
          "unbalanced quotes: the quoted field opened on line "
              + quoteOpenedOnLine
              + " is never closed");
    }
    return recordHasText ? records + 1 : records;
  }
}
