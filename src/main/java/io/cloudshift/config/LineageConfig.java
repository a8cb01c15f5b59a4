package io.cloudshift.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the stages' OpenLineage run events go (docs/operations.md#lineage): nowhere (the default),
 * appended to a file, or posted to an HTTP endpoint such as Marquez. The endpoint's API key is
 * never part of the configuration: it is read from the environment when the events are sent.
 *
 * @param namespace the OpenLineage namespace of cloudshift's jobs (one job per stage)
 * @param file the file every event is appended to, one JSON object per line, for {@code file}
 * @param url the endpoint's base URL, for {@code http}
 * @param endpoint the path events are posted to, under {@code url}
 * @param timeout how long one event may take to send: a slow endpoint never holds a run up longer
 */
public record LineageConfig(
    Transport transport,
    String namespace,
    Optional<String> file,
    Optional<URI> url,
    String endpoint,
    Duration timeout) {

  public enum Transport {
    NONE,
    FILE,
    HTTP
  }

  public boolean enabled() {
    return transport != Transport.NONE;
  }
}
