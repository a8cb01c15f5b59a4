package io.cloudshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.testing.SparkTestSession;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.junit.jupiter.api.Test;

/** Settings that hold for a piece of work only: code generation on for large inputs, then restored. */
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

    assertThatThrownBy(() -> SparkJobs.compiled(spark, () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(plan(spark)).isNotInstanceOf(WholeStageCodegenExec.class);
    assertThat(spark.conf().get(SparkJobs.CODEGEN_FACTORY_MODE)).isEqualTo("NO_CODEGEN");
  }
}
