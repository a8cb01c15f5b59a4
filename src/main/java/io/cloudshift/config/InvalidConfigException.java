package io.cloudshift.config;

import io.cloudshift.CloudshiftException;

/** A configuration value is missing or wrong; the message names the key and what to do. */
public final class InvalidConfigException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message, EXIT_USAGE);
  }
}
