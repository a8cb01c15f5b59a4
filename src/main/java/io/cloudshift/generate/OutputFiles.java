package io.cloudshift.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File operations on the Hadoop local file system, as parquet-hadoop writes through it. It uses the
 * raw file system so no .crc side files appear next to the generated data.
 */
final class OutputFiles {
  private final Configuration hadoopConf;

  OutputFiles(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /** The Hadoop configuration the file systems are opened with (Parquet's codecs read it too). */
  Configuration configuration() {
    return hadoopConf;
  }

  FSDataOutputStream create(Path path) {
    try {
      return fs(path).create(qualify(path), true);
    } catch (IOException e) {
      throw failure("create", path, e);
    }
  }

  void writeText(Path path, String text) {
    try (OutputStream out = create(path)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure("write", path, e);
    }
  }

  private Path qualify(Path path) {
    try {
      return path.getFileSystem(hadoopConf).makeQualified(path);
    } catch (IOException e) {
      throw failure("resolve", path, e);
    }
  }

  private FileSystem fs(Path path) throws IOException {
    FileSystem fs = path.getFileSystem(hadoopConf);
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  private static UncheckedIOException failure(String verb, Path path, IOException e) {
    return new UncheckedIOException(
        "Cannot "
            + verb
            + " "
            + path
            + ": "
            + e.getMessage()
            + " (check the --output path and its permissions)",
        e);
  }
}
