package io.cloudshift.cli;

import io.cloudshift.CloudshiftException;

/** Wrong use of the command line that picocli itself cannot see (e.g. a malformed --period). */
public final class UsageException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, EXIT_USAGE);
  }
}
