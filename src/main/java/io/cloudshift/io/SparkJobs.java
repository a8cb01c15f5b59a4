package io.cloudshift.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.SparkSession;

/**
 * Runs Spark work under settings that hold for its duration only: a job description, so the Spark
 * UI and history server say what a job was for, and code generation for work over large inputs.
 */
public final class SparkJobs {
  public static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";

  /**
   * Whether expressions are compiled ({@code FALLBACK}, Spark's default) or interpreted ({@code
   * NO_CODEGEN}).
   */
  public static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

  private static final Map<String, String> CODE_GENERATION =
      Map.of(WHOLE_STAGE_CODEGEN, "true", CODEGEN_FACTORY_MODE, "FALLBACK");
  private static final String DESCRIPTION = "spark.job.description";
  private static final String INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

  private SparkJobs() {}

  /** Runs {@code work} under a Spark job description and restores the previous one afterwards. */
  public static <T> T described(SparkSession spark, String description, Supplier<T> work) {
    String previous = spark.sparkContext().getLocalProperty(DESCRIPTION);
    spark.sparkContext().setJobDescription(description);
    try {
      return work.get();
    } finally {
      spark.sparkContext().setJobDescription(previous);
    }
  }

  /**
   * As {@link #described}, the jobs in {@code group}, so that another thread can cancel them
   * ({@code SparkContext#cancelJobGroup}); the thread's previous description comes back afterwards.
   */
  public static <T> T grouped(
      SparkSession spark, String group, String description, Supplier<T> work) {
    String previous = spark.sparkContext().getLocalProperty(DESCRIPTION);
    String interrupt = spark.sparkContext().getLocalProperty(INTERRUPT_ON_CANCEL);
    spark.sparkContext().setJobGroup(group, description, "true".equals(interrupt));
    try {
      return work.get();
    } finally {
      spark.sparkContext().clearJobGroup();
      spark.sparkContext().setJobDescription(previous);
      spark.sparkContext().setLocalProperty(INTERRUPT_ON_CANCEL, interrupt);
    }
  }

  /**
   * Makes the Spark jobs this thread (and the threads it starts) runs interrupt their tasks when
   * cancelled, so a stopped run does not wait for a task blocked in I/O.
   */
  public static void interruptOnCancel(SparkSession spark) {
    spark.sparkContext().setLocalProperty(INTERRUPT_ON_CANCEL, "true");
  }

  /**
   * Runs {@code work} with Spark's code generation on (whole-stage and expressions), whatever the
   * session's setting, and restores the session's settings afterwards: for rows enough that
   * compiled code repays its compiling.
   */
  public static <T> T compiled(SparkSession spark, Supplier<T> work) {
    Map<String, String> previous = new HashMap<>();
    CODE_GENERATION.forEach(
        (key, value) -> {
          previous.put(key, spark.conf().get(key));
          spark.conf().set(key, value);
        });
    try {
      return work.get();
    } finally {
      previous.forEach(spark.conf()::set);
    }
  }

  /**
   * The file a failed Spark job could not read (error condition {@code FAILED_READ_FILE.*}, whose
   * {@code path} parameter names it), searched along the causes; empty for any other failure.
   */
  public static Optional<String> failedReadFile(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SparkThrowable error
          && error.getCondition() != null
          && error.getCondition().startsWith("FAILED_READ_FILE")
          && error.getMessageParameters().containsKey("path")) {
        return Optional.of(error.getMessageParameters().get("path"));
      }
    }
    return Optional.empty();
  }
}
