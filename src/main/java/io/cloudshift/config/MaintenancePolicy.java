package io.cloudshift.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long the tables keep their past (docs/operations.md#table-maintenance): {@code retention} is
 * how long a published figure stays reproducible by time travel (VACUUM keeps every data file a
 * version that recent still needs), {@code logRetention} how long the log keeps its versions (at
 * least as long, or time travel would end there first), and {@code checkpointInterval} how many
 * commits lie between two checkpoints of the log. Every table is created with these as its Delta
 * properties, and {@code maintain} sets them on tables created before.
 */
public record MaintenancePolicy(Duration retention, Duration logRetention, int checkpointInterval) {
  /**
   * No retention below a week: VACUUM deletes every file no version within the retention names, so
   * a run still writing (or stopped, to be resumed) would lose the files it has not committed yet,
   * and a reader on an older version would lose the version under it. A week is also Delta's own
   * default.
   */
  public static final Duration RETENTION_FLOOR = Duration.ofDays(7);

  public static final String FILE_RETENTION_PROPERTY = "delta.deletedFileRetentionDuration";
  public static final String LOG_RETENTION_PROPERTY = "delta.logRetentionDuration";
  public static final String CHECKPOINT_INTERVAL_PROPERTY = "delta.checkpointInterval";

  public MaintenancePolicy {
    if (retention.isNegative() || logRetention.compareTo(retention) < 0) {
      throw new IllegalArgumentException(
          "log retention " + logRetention + " is below the retention " + retention);
    }
    if (checkpointInterval < 1) {
      throw new IllegalArgumentException("checkpoint interval " + checkpointInterval + " < 1");
    }
  }

  /** The Delta table properties that carry the policy. */
  public Map<String, String> tableProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(FILE_RETENTION_PROPERTY, interval(retention));
    properties.put(LOG_RETENTION_PROPERTY, interval(logRetention));
    properties.put(CHECKPOINT_INTERVAL_PROPERTY, Integer.toString(checkpointInterval));
    return properties;
  }

  /** A Delta interval in the largest whole unit: "interval 30 days", "interval 1 hours". */
  private static String interval(Duration d) {
    if (d.toSeconds() % 86_400 == 0) {
      return "interval " + d.toDays() + " days";
    }
    if (d.toSeconds() % 3_600 == 0) {
      return "interval " + d.toHours() + " hours";
    }
    return "interval " + d.toSeconds() + " seconds";
  }
}
