package io.cloudshift.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.fs.Path;

/**
 * One spelling of a file for a listing's Hadoop path and for Spark's {@code _metadata.file_path}
 * (which writes {@code file:/a%20b} where a listing has {@code file:///a%20b} or {@code file:/a
 * b}): scheme, authority and the encoded path.
 */
final class SourceFileKey {
  private SourceFileKey() {}

  static String of(Path path) {
    return of(path.toUri());
  }

  /**
   * The file as Spark's {@code _metadata.file_path} names it: no empty authority ({@code
   * file:/a%20b}).
   */
  static String sparkName(Path path) {
    URI uri = path.toUri();
    String authority =
        uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()
            ? ""
            : "//" + uri.getRawAuthority();
    return (uri.getScheme() == null ? "" : uri.getScheme() + ":") + authority + uri.getRawPath();
  }

  static String of(String sparkFilePath) {
    try {
      return of(new URI(sparkFilePath));
    } catch (URISyntaxException e) {
      return sparkFilePath;
    }
  }

  private static String of(URI uri) {
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    return (uri.getScheme() == null ? "" : uri.getScheme()) + "://" + authority + uri.getRawPath();
  }
}
