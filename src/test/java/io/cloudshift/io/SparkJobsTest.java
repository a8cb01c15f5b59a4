package io.cloudshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cloudshift.testing.SparkTestSession;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Settings that hold for a piece of work only: code generation on for large inputs, then restored.
 */
// It sets and reads the session's code generation settings, which every other test class shares.
@Isolated
class SparkJobsTest {
  /** A query without a shuffle, so its executed plan is not wrapped by adaptive execution. */
  private static SparkPlan plan(SparkSession spark) {
    return spark.range(10).selectExpr("id * 2 AS doubled").queryExecution().executedPlan();
  }

  @Test
  void theSessionRunsInterpretedAndCompiledWorkGetsGeneratedCodeOnlyWhileItRuns() {
    SparkSession spark = SparkTestSession.get();

    SparkPlan inside = SparkJobs.compiled(spark, () -> plan(spark));

    assertThat(plan(spark)).isNotInstanceOf(WholeStageCodegenExec.class);
    assertThat(inside).isInstanceOf(WholeStageCodegenExec.class);
    assertThat(spark.conf().get(SparkJobs.WHOLE_STAGE_CODEGEN)).isEqualTo("false");
    assertThat(spark.conf().get(SparkJobs.CODEGEN_FACTORY_MODE)).isEqualTo("NO_CODEGEN");
  }

  @Test
  void theSessionsSettingsComeBackWhenTheWorkFails() {
    SparkSession spark = SparkTestSession.get();

    assertThatThrownBy(
            () ->
                SparkJobs.compiled(
                    spark,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(plan(spark)).isNotInstanceOf(WholeStageCodegenExec.class);
    assertThat(spark.conf().get(SparkJobs.CODEGEN_FACTORY_MODE)).isEqualTo("NO_CODEGEN");
  }

  /**
   * Spark names a file it cannot read in its error's parameters; ingest holds that file's export
   * back.
   */
  @Test
  void theFileASparkJobCouldNotReadIsFoundAmongTheCauses(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      for (int i = 0; i < 2000; i++) {
        out.write(
            ("row " + i + ",some text to make the stream longer than one buffer\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated =
        Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));

    Throwable failure =
        catchThrowable(() -> SparkTestSession.get().read().csv(truncated.toString()).count());

    assertThat(SparkJobs.failedReadFile(failure))
        .hasValueSatisfying(path -> assertThat(path).endsWith("/truncated.csv.gz"));
    assertThat(SparkJobs.failedReadFile(new IllegalStateException("boom", new RuntimeException())))
        .isEmpty();
  }
}
