package io.cloudshift.lineage;

import io.cloudshift.config.InvalidConfigException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run that started this one (the Airflow task), and the run at the root of the chain (the DAG
 * run), as OpenLineage's parent run facet names them. They come from the Spark settings the
 * OpenLineage Spark integration reads, which Airflow's OpenLineage provider passes to spark-submit
 * ({@code [openlineage] spark_inject_parent_job_info}), so the scheduler needs nothing
 * cloudshift-specific.
 */
public record LineageParent(JobRun parent, Optional<JobRun> root) {
  static final String PREFIX = "spark.openlineage.";

  /** One job's run: its namespace, name and OpenLineage run id. */
  public record JobRun(String namespace, String name, UUID runId) {}

  /**
   * The parent named by {@code settings} (Spark settings; others are ignored), or none when they
   * name none. Part of a parent, or a run id that is not a UUID, is a mistake in how the job was
   * launched: one line naming the setting.
   */
  public static Optional<LineageParent> of(Map<String, String> settings) {
    Optional<JobRun> parent =
        jobRun(settings, "parentJobNamespace", "parentJobName", "parentRunId");
    Optional<JobRun> root =
        jobRun(settings, "rootParentJobNamespace", "rootParentJobName", "rootParentRunId");
    if (parent.isEmpty() && root.isPresent()) {
      throw new InvalidConfigException(
          "Invalid Spark setting "
              + PREFIX
              + "rootParentRunId: a root run needs its parent ("
              + PREFIX
              + "parentJobNamespace, parentJobName and parentRunId)");
    }
    return parent.map(p -> new LineageParent(p, root));
  }

  private static Optional<JobRun> jobRun(
      Map<String, String> settings, String namespaceKey, String nameKey, String runIdKey) {
    String namespace = value(settings, namespaceKey);
    String name = value(settings, nameKey);
    String runId = value(settings, runIdKey);
    if (namespace == null && name == null && runId == null) {
      return Optional.empty();
    }
    for (String key : new String[] {namespaceKey, nameKey, runIdKey}) {
      if (value(settings, key) == null) {
        throw new InvalidConfigException(
            "Invalid Spark setting "
                + PREFIX
                + key
                + ": missing while "
                + PREFIX
                + (key.equals(runIdKey) ? nameKey : runIdKey)
                + " is set (pass all three, or none)");
      }
    }
    try {
      return Optional.of(new JobRun(namespace, name, UUID.fromString(runId)));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          "Invalid Spark setting " + PREFIX + runIdKey + ": '" + runId + "' is not a UUID");
    }
  }

  private static String value(Map<String, String> settings, String key) {
    String value = settings.get(PREFIX + key);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
