package io.cloudshift.generate;

import io.cloudshift.CloudshiftException;

/**
 * generate was asked to write where it could destroy data it did not create; the CLI exits with 2.
 */
public final class UnsafeOutputException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  UnsafeOutputException(String message) {
    super(message, EXIT_USAGE);
  }
}
