package io.cloudshift.config;

/** A configuration value is missing or wrong; the message names the key and what to do. */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
