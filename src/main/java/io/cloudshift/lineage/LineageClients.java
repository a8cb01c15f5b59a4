package io.cloudshift.lineage;

import io.cloudshift.config.LineageConfig;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one place cloudshift's lineage configuration becomes an OpenLineage client: the transport,
 * its endpoint and timeout, and the API key from the environment.
 */
final class LineageClients {
  /** The variable OpenLineage's own clients read the key from, so one setting serves them all. */
  static final String API_KEY_VARIABLE = "OPENLINEAGE_API_KEY";

  private LineageClients() {}

  /** The client {@code config} asks for; none when lineage is off. */
  static Optional<OpenLineageClient> open(LineageConfig config, Map<String, String> environment) {
    return switch (config.transport()) {
      case NONE -> Optional.empty();
      case FILE ->
          Optional.of(
              new OpenLineageClient(
                  new FileTransport(
                      // The transport creates the file's folder, which a relative path lacks.
                      new FileConfig(
                          Path.of(config.file().orElseThrow()).toAbsolutePath().toString()))));
      case HTTP -> Optional.of(new OpenLineageClient(new HttpTransport(http(config, environment))));
    };
  }

  private static HttpConfig http(LineageConfig config, Map<String, String> environment) {
    HttpConfig http = new HttpConfig();
    http.setUrl(config.url().orElseThrow());
    http.setEndpoint(config.endpoint());
    http.setTimeoutInMillis(Math.toIntExact(config.timeout().toMillis()));
    String key = environment.get(API_KEY_VARIABLE);
    if (key != null && !key.isBlank()) {
      ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
      auth.setApiKey(key.strip());
      http.setAuth(auth);
    }
    return http;
  }
}
