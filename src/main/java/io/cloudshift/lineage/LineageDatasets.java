package io.cloudshift.lineage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A file or folder as an OpenLineage dataset, named as the OpenLineage naming conventions name
 * object stores and local files (namespace {@code s3://bucket} and name {@code key}; namespace
 * {@code file} and the absolute path), which is how the OpenLineage Spark integration names them
 * too: lineage from either source meets at the same datasets.
 */
final class LineageDatasets {
  /** Hadoop's S3 connectors all name the same store. */
  private static final Map<String, String> SCHEMES = Map.of("s3a", "s3", "s3n", "s3");

  private LineageDatasets() {}

  record Name(String namespace, String name) {}

  static Name of(String location) {
    if (location.contains("://")) {
      URI uri = URI.create(location).normalize();
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      String path = stripSlashes(uri.getPath() == null ? "" : uri.getPath());
      if (scheme.equals("file")) {
        return new Name("file", "/" + path);
      }
      return new Name(SCHEMES.getOrDefault(scheme, scheme) + "://" + uri.getAuthority(), path);
    }
    String local = location.startsWith("file:") ? URI.create(location).getPath() : location;
    return new Name(
        "file", stripTrailingSlash(Path.of(local).toAbsolutePath().normalize().toString()));
  }

  private static String stripSlashes(String path) {
    String stripped = path;
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    return stripTrailingSlash(stripped);
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
