package io.cloudshift.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a parent run and a location become OpenLineage's names, without Spark. */
class LineageSettingsTest {
  private static final String RUN = "01938d4c-2f3a-7b5e-8f00-123456789abc";

  @Test
  void theParentComesFromTheSparkSettingsAirflowPassesOrIsAbsent() {
    assertThat(LineageParent.of(Map.of("spark.app.name", "cloudshift"))).isEmpty();
    assertThat(
            LineageParent.of(
                Map.of(
                    "spark.openlineage.parentJobNamespace", "airflow",
                    "spark.openlineage.parentJobName", "cloudshift_monthly.shares",
                    "spark.openlineage.parentRunId", RUN)))
        .contains(
            new LineageParent(
                new LineageParent.JobRun(
                    "airflow", "cloudshift_monthly.shares", UUID.fromString(RUN)),
                java.util.Optional.empty()));
  }

  @Test
  void partOfAParentOrARunIdThatIsNotAUuidFailsWithOneLine() {
    assertThatThrownBy(
            () ->
                LineageParent.of(
                    Map.of(
                        "spark.openlineage.parentJobNamespace",
                        "airflow",
                        "spark.openlineage.parentRunId",
                        RUN)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid Spark setting spark.openlineage.parentJobName: missing while"
                + " spark.openlineage.parentRunId is set (pass all three, or none)");
    assertThatThrownBy(
            () ->
                LineageParent.of(
                    Map.of(
                        "spark.openlineage.parentJobNamespace", "airflow",
                        "spark.openlineage.parentJobName", "cloudshift_monthly.shares",
                        "spark.openlineage.parentRunId", "scheduled__2026-09-01T00:00:00+00:00")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid Spark setting spark.openlineage.parentRunId:"
                + " 'scheduled__2026-09-01T00:00:00+00:00' is not a UUID");
  }

  @Test
  void locationsAreNamedAsTheOpenLineageNamingConventionsAndTheSparkIntegrationNameThem() {
    assertThat(LineageDatasets.of("s3a://bucket/warehouse/charges"))
        .isEqualTo(new LineageDatasets.Name("s3://bucket", "warehouse/charges"));
    assertThat(LineageDatasets.of("abfss://data@acct.dfs.core.windows.net/wh/charges/"))
        .isEqualTo(
            new LineageDatasets.Name("abfss://data@acct.dfs.core.windows.net", "wh/charges"));
    assertThat(LineageDatasets.of("file:///data/wh/charges"))
        .isEqualTo(new LineageDatasets.Name("file", "/data/wh/charges"));
    assertThat(LineageDatasets.of("datasets/focus/aws-focus/"))
        .isEqualTo(
            new LineageDatasets.Name(
                "file", Path.of("datasets/focus/aws-focus").toAbsolutePath().toString()));
  }
}
