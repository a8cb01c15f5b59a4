package io.cloudshift.io;

import io.cloudshift.CloudshiftException;

/**
 * An input cannot be used as a whole (missing path, unusable header): the run stops before it
 * writes, and the CLI prints the message as one line with exit code 2.
 */
public class InputException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message, EXIT_USAGE);
  }
}
