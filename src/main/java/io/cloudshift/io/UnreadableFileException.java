package io.cloudshift.io;

import io.cloudshift.CloudshiftException;
import org.apache.hadoop.fs.Path;

/**
 * A data file that cannot be read at all (not gzip, a truncated gzip, not Parquet, an I/O error):
 * unlike a bad row, nothing of it can be placed, so ingest holds its export back instead.
 */
public final class UnreadableFileException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;
  private final String reason;

  public UnreadableFileException(Path path, Throwable cause) {
    super("Cannot read " + path + ": " + firstLine(path, cause), EXIT_FAILED, cause);
    this.path = path;
    this.reason = firstLine(path, cause);
  }

  public Path path() {
    return path;
  }

  /** The first line of what went wrong, e.g. "Not in GZIP format". */
  public String reason() {
    return reason;
  }

  /**
   * The first line of the cause's message, without the path when it starts with it (Parquet's do).
   */
  private static String firstLine(Path path, Throwable cause) {
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline).strip();
    String named = path.toString();
    return line.startsWith(named + " ") ? line.substring(named.length() + 1) : line;
  }
}
