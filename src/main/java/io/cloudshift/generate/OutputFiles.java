package io.cloudshift.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File operations on any Hadoop path (local or s3a://). On the local file system it uses the raw
 * file system so no .crc side files appear next to the generated data.
 */
final class OutputFiles {
  private final Configuration hadoopConf;

  OutputFiles(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /** The fully qualified form of a path (what Spark is given, so both resolve the same directory). */
  Path qualify(Path path) {
    try {
      return path.getFileSystem(hadoopConf).makeQualified(path);
    } catch (IOException e) {
      throw failure("resolve", path, e);
    }
  }

  OutputStream create(Path path) {
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

  /** Deletes a directory and everything under it; absent is fine. */
  void deleteRecursively(Path path) {
    try {
      Path qualified = qualify(path);
      FileSystem fs = fs(qualified);
      if (fs.exists(qualified)) {
        fs.delete(qualified, true);
      }
    } catch (IOException e) {
      throw failure("delete", path, e);
    }
  }

  /** Files directly under a directory whose names start with {@code prefix} and end with {@code suffix}. */
  List<Path> list(Path directory, String prefix, String suffix) {
    try {
      Path qualified = qualify(directory);
      List<Path> result = new ArrayList<>();
      for (FileStatus status : fs(qualified).listStatus(qualified)) {
        String name = status.getPath().getName();
        if (status.isFile() && name.startsWith(prefix) && name.endsWith(suffix)) {
          result.add(status.getPath());
        }
      }
      result.sort(null);
      return result;
    } catch (IOException e) {
      throw failure("list", directory, e);
    }
  }

  void move(Path from, Path to) {
    try {
      Path target = qualify(to);
      FileSystem fs = fs(target);
      fs.delete(target, false);
      if (!fs.rename(qualify(from), target)) {
        throw new UncheckedIOException(new IOException("rename returned false"));
      }
    } catch (IOException e) {
      throw failure("move " + from + " to", to, e);
    }
  }

  private FileSystem fs(Path path) throws IOException {
    FileSystem fs = path.getFileSystem(hadoopConf);
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  private static UncheckedIOException failure(String verb, Path path, IOException e) {
    return new UncheckedIOException("Cannot " + verb + " " + path + ": " + e.getMessage() + " (check the --output path and its permissions)", e);
  }
}
