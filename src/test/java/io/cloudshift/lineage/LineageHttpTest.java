package io.cloudshift.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.stage.StageContext;
import io.cloudshift.testing.TestConfigs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP transport against a stand-in OpenLineage endpoint (the JDK's HTTP server): events posted
 * to url + endpoint with the API key of the environment, and an endpoint that is down never fails
 * the stage. No Spark: lineage is sent from the driver's own code.
 */
class LineageHttpTest {
  private static final Instant START = Instant.parse("2026-10-01T06:00:00Z");

  private HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startTheEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/lineage",
        exchange -> {
          received.add(
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(201, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopTheEndpoint() {
    server.stop(0);
  }

  private static StageLineage lineage(String url, Map<String, String> environment) {
    StageContext context =
        new StageContext(
            null,
            TestConfigs.bundled(
                Map.of(
                    "lineage.transport", "http",
                    "lineage.http.url", url,
                    "lineage.http.timeout", "2s",
                    "lineage.namespace", "cloudshift-prod")),
            new RunContext("run-5", "ingest", BillingPeriodRange.all()),
            new DeltaTableWriter(null, new Warehouse("s3a://bucket/warehouse"), "{}"));
    return StageLineage.of(context, Map.of(), environment);
  }

  private static JobRun ingestRow() {
    return new JobRun(
        "run-5",
        "ingest",
        JobRun.SUCCEEDED,
        "all",
        START,
        START.plusSeconds(60),
        "hash",
        List.of(
            new InputCount(
                "partnerships", null, "s3a://bucket/in/partnerships.csv", 40, 40, 0, 0, 0, 0)),
        List.of(),
        Map.of("partnership_terms", 3L),
        null,
        LocalDate.of(2026, 10, 1));
  }

  @Test
  void eventsArePostedToTheEndpointWithTheApiKeyOfTheEnvironment() throws IOException {
    StageLineage lineage =
        lineage(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            Map.of(LineageClients.API_KEY_VARIABLE, "key-from-env"));

    var run =
        lineage.started("ingest", List.of(), List.of(), "run-5", BillingPeriodRange.all(), START);
    lineage.ended(run, List.of(), ingestRow());

    assertThat(received)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).startsWith("Bearer key-from-env {"));
    JsonNode complete =
        new ObjectMapper().readTree(received.get(1).substring(received.get(1).indexOf('{')));
    assertThat(complete.at("/eventType").asText()).isEqualTo("COMPLETE");
    assertThat(complete.at("/job/namespace").asText()).isEqualTo("cloudshift-prod");
    assertThat(complete.at("/inputs/0/namespace").asText()).isEqualTo("s3://bucket");
    assertThat(complete.at("/inputs/0/name").asText()).isEqualTo("in/partnerships.csv");
    assertThat(complete.at("/outputs/0/name").asText()).isEqualTo("warehouse/partnership_terms");
    assertThat(complete.at("/outputs/0/facets/version/datasetVersion").asText()).isEqualTo("3");
  }

  @Test
  void anEndpointThatIsDownIsLoggedAndNeverFailsTheStage() {
    int port = server.getAddress().getPort();
    server.stop(0);
    StageLineage lineage = lineage("http://127.0.0.1:" + port, Map.of());

    var run =
        lineage.started("ingest", List.of(), List.of(), "run-5", BillingPeriodRange.all(), START);
    lineage.ended(run, List.of(), ingestRow());

    assertThat(received).isEmpty();
  }
}
