package io.cloudshift.io;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/** One data file of an export as listed: where it is, its size and when it was last written. */
public record FocusFile(Path path, long length, Instant modifiedAt) {
  private static final Pattern PERIOD_FOLDER =
      Pattern.compile("(?i)billing_period=(\\d{4}-\\d{2})(?=/|$)");

  /**
   * The billing month its folder names ({@code billing_period=YYYY-MM}, or AWS's {@code
   * BILLING_PERIOD=}), the innermost one when nested; empty when no folder names one.
   */
  public Optional<YearMonth> folderMonth() {
    Path parent = path.getParent();
    Matcher m = PERIOD_FOLDER.matcher(parent == null ? "" : parent.toUri().getPath());
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

  /** The folder the file is in, as a path string: the unit of a folder delivery. */
  public String folder() {
    Path parent = path.getParent();
    return parent == null ? "" : parent.toString();
  }
}
