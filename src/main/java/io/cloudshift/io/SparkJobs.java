package io.cloudshift.io;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** Names Spark work in business terms, so the Spark UI and history server say what a job was for. */
public final class SparkJobs {
  private static final String DESCRIPTION = "spark.job.description";

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
}
