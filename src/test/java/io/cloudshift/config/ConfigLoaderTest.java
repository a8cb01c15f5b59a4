package io.cloudshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path BUNDLED = Path.of("conf", "cloudshift.conf");

  @TempDir Path dir;

  @Test
  void layersDefaultsFilesThenOverridesAndResolvesPathsLast() throws Exception {
    Path extra =
        Files.writeString(
            dir.resolve("extra.conf"),
            "cloudshift { quality.max-reject-ratio = 0.2, spark.shuffle-partitions = 3 }");
    CloudshiftConfig config =
        ConfigLoader.load(
            List.of(BUNDLED, extra),
            Map.of(
                "inputs.root",
                "s3a://bucket/in",
                "cloudshift.spark.shuffle-partitions",
                "5",
                "windows.share-shift-months",
                "[3, 6]"));

    assertThat(config.maxRejectRatio()).isEqualTo(0.2);
    assertThat(config.shufflePartitions()).isEqualTo(5);
    assertThat(config.shareShiftWindows()).containsExactly(3, 6);
    // Paths built from inputs.root follow an override of the root, and "//" is not a comment.
    assertThat(config.input("partnerships"))
        .isEqualTo("s3a://bucket/in/partnerships/partnership_records.csv");
    assertThat(config.exports())
        .extracting(ExportConfig::path)
        .contains("s3a://bucket/in/focus/azure-focus");
    assertThat(config.provider("azure").fiscalYearStartMonth()).isEqualTo(7);
    assertThat(config.provider("oci").fiscalYearStartMonth()).isEqualTo(6);
  }

  @Test
  void badValuesFailWithOneLineNamingTheKey() throws Exception {
    assertThatThrownBy(
            () -> ConfigLoader.load(List.of(BUNDLED), Map.of("quality.max-reject-ratio", "2")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid config cloudshift.quality.max-reject-ratio: 2.0 must be a fraction between 0"
                + " and 1");
    assertThatThrownBy(
            () -> ConfigLoader.load(List.of(BUNDLED), Map.of("quality.max-reject-ratio", "lots")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(
            "Invalid config cloudshift.quality.max-reject-ratio: has the wrong type");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    List.of(BUNDLED),
                    Map.of("exports", "[{ id = x, provider = ibm, format = csv, path = p }]")))
        .hasMessageContaining("cloudshift.exports[0].provider: unknown provider 'ibm'");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    List.of(BUNDLED),
                    Map.of("exports", "[{ id = x, provider = aws, format = xlsx, path = p }]")))
        .hasMessageContaining("cloudshift.exports[0].format: 'xlsx' is not one of [csv, parquet]");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    List.of(BUNDLED), Map.of("focus.gpu-sku-patterns", "[\"(unclosed\"]")))
        .hasMessageContaining("is not a valid regular expression");
    assertThatThrownBy(() -> ConfigLoader.load(List.of(dir.resolve("missing.conf")), Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("missing.conf: no such file");
    assertThatThrownBy(
            () -> ConfigLoader.load(List.of(BUNDLED), Map.of("focus.currencies", "[USD, usd]")))
        .hasMessageContaining("'usd' is not an ISO 4217 code");
  }

  @Test
  void tablesAreRegisteredInTheCatalogOnlyWhenAskedAndUnderADatabaseNameSparkTakes() {
    assertThat(ConfigLoader.load(List.of(BUNDLED), Map.of()).catalogDatabase()).isEmpty();
    assertThat(
            ConfigLoader.load(List.of(BUNDLED), Map.of("catalog.register", "true"))
                .catalogDatabase())
        .contains("cloudshift");
    assertThat(
            ConfigLoader.load(
                    List.of(BUNDLED),
                    Map.of("catalog.register", "true", "catalog.database", "finops_2026"))
                .catalogDatabase())
        .contains("finops_2026");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    List.of(BUNDLED),
                    Map.of("catalog.register", "true", "catalog.database", "fin-ops")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid config cloudshift.catalog.database: 'fin-ops' is not a database name (letters,"
                + " digits and _, not starting with a digit)");
  }

  @Test
  void lineageIsOffByDefaultAndEachTransportNeedsItsDestination() {
    assertThat(ConfigLoader.load(List.of(BUNDLED), Map.of()).lineage().enabled()).isFalse();
    LineageConfig http =
        ConfigLoader.load(
                List.of(BUNDLED),
                Map.of("lineage.transport", "http", "lineage.http.url", "http://marquez:5000"))
            .lineage();
    assertThat(http.url()).contains(java.net.URI.create("http://marquez:5000"));
    assertThat(http.endpoint()).isEqualTo("/api/v1/lineage");
    assertThat(http.timeout()).hasSeconds(5);
    Map<Map<String, String>, String> mistakes =
        Map.of(
            Map.of("lineage.transport", "kafka"),
            "Invalid config cloudshift.lineage.transport: 'kafka' is not one of [none, file, http]",
            Map.of("lineage.transport", "file"),
            "Invalid config cloudshift.lineage.file.location: is empty (transport file needs the"
                + " file to append events to)",
            Map.of("lineage.transport", "http"),
            "Invalid config cloudshift.lineage.http.url: is empty (transport http needs the"
                + " endpoint, e.g. http://marquez:5000)",
            Map.of("lineage.transport", "http", "lineage.http.url", "marquez:5000"),
            "Invalid config cloudshift.lineage.http.url: 'marquez:5000' is not an http:// or"
                + " https:// URL",
            Map.of("lineage.http.url", "https://user:key@lineage.example.com"),
            "Invalid config cloudshift.lineage.http.url: must not carry credentials (the API key is"
                + " read from the environment variable OPENLINEAGE_API_KEY)");
    assertThatThrownBy(
            () -> ConfigLoader.load(List.of(BUNDLED), Map.of("lineage.http.api-key", "sekrit")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Unknown config key cloudshift.lineage.http.api-key (the lineage endpoint's API key is"
                + " never configured: cloudshift reads it from the environment variable"
                + " OPENLINEAGE_API_KEY)");
    mistakes.forEach(
        (overrides, message) ->
            assertThatThrownBy(() -> ConfigLoader.load(List.of(BUNDLED), overrides))
                .as(overrides.toString())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message));
  }

  @Test
  void aMisspelledKeyFailsNamingItAndTheNearestKnownKey() throws Exception {
    // It used to be ignored: the run went ahead with the default 0.05.
    assertThatThrownBy(
            () -> ConfigLoader.load(List.of(BUNDLED), Map.of("quality.max-reject-raito", "0.0")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(
            "Unknown config key cloudshift.quality.max-reject-raito (did you mean"
                + " cloudshift.quality.max-reject-ratio?");
    Path typo =
        Files.writeString(
            dir.resolve("typo.conf"),
            "cloudshift.exports = [{ id = x, provider = aws, fromat = csv, path = p }]");
    assertThatThrownBy(() -> ConfigLoader.load(List.of(BUNDLED, typo), Map.of()))
        .hasMessageStartingWith(
            "Unknown config key cloudshift.exports[0].fromat (did you mean"
                + " cloudshift.exports[].format?");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    List.of(BUNDLED), Map.of("providers.azure.fiscal-year-start", "7")))
        .hasMessageContaining("did you mean cloudshift.providers.<id>.fiscal-year-start-month?");
    // Free-form sections and every key the bundled and cluster examples use are accepted.
    assertThat(
            ConfigLoader.load(
                    List.of(BUNDLED, Path.of("conf", "cluster-s3a.conf")),
                    Map.of("spark.conf", "{ \"spark.any.thing\" = 1 }"))
                .sparkConf())
        .containsKey("spark.any.thing");
  }

  @Test
  void renderIsSortedAndMasksSecretsAndTheHashFollowsValues() {
    CloudshiftConfig config =
        ConfigLoader.load(
            List.of(BUNDLED),
            Map.of(
                "spark.conf",
                "{ \"spark.hadoop.fs.s3a.secret.key\" = hunter2, \"spark.hadoop.fs.s3a.endpoint\" ="
                    + " \"http://127.0.0.1:9000\" }"));
    String rendered = config.render();
    assertThat(rendered)
        .doesNotContain("hunter2")
        .contains("secret.key\" = ********")
        .contains("127.0.0.1:9000");
    List<String> keys = rendered.lines().map(l -> l.substring(0, l.indexOf(" = "))).toList();
    assertThat(keys).isSorted();
    assertThat(config.sparkConf())
        .containsEntry("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000");
    assertThat(config.hash()).isNotEqualTo(ConfigLoader.load(List.of(BUNDLED), Map.of()).hash());
  }

  /** Issue 8: secrets whose keys hold none of the usual words were logged in clear. */
  @Test
  void everySparkConfValueIsMaskedButTheKnownHarmlessOnes() {
    CloudshiftConfig config =
        ConfigLoader.load(
            List.of(BUNDLED),
            Map.of(
                "spark.conf",
                "{ \"spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net\" ="
                    + " azure-fake-key-1, \"spark.hadoop.fs.s3a.encryption.key\" = s3-fake-key-2,"
                    + " \"spark.driver.extraJavaOptions\" = \"-Ddb.pass=fake-3\","
                    + " \"spark.executorEnv.API\" = fake-4, \"spark.sql.shuffle.partitions\" = 7,"
                    + " \"spark.hadoop.fs.s3a.path.style.access\" = true }"));
    String rendered = config.render();
    assertThat(rendered).doesNotContain("azure-fake-key-1", "s3-fake-key-2", "fake-3", "fake-4");
    assertThat(rendered)
        .contains(
            "account.key.acct.dfs.core.windows.net\" = ********",
            "encryption.key\" = ********",
            "extraJavaOptions\" = ********",
            "executorEnv.API\" = ********");
    assertThat(rendered)
        .contains(
            "\"spark.sql.shuffle.partitions\" = 7",
            "\"spark.hadoop.fs.s3a.path.style.access\" = true");
    assertThat(config.sparkConf())
        .containsEntry("spark.hadoop.fs.s3a.encryption.key", "s3-fake-key-2");
  }

  @Test
  void periodsParseMonthsAndRanges() {
    assertThat(BillingPeriodRange.parse("2024-09").months()).hasSize(1);
    assertThat(BillingPeriodRange.parse("2024-11:2025-02").toString()).isEqualTo("2024-11:2025-02");
    assertThat(BillingPeriodRange.parse("2024-11:2025-02").months()).hasSize(4);
    assertThatThrownBy(() -> BillingPeriodRange.parse("2024-13"))
        .hasMessageContaining("is not a month or a range");
    assertThatThrownBy(() -> BillingPeriodRange.parse("2025-02:2024-11"))
        .hasMessageContaining("ends before it starts");
  }
}
