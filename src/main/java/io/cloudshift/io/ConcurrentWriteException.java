package io.cloudshift.io;

import io.cloudshift.CloudshiftException;

/**
 * Another run kept committing to a table this run writes: nothing of this write was committed, and
 * running again (alone) succeeds. The CLI prints the message as one line with exit code 1.
 */
public final class ConcurrentWriteException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  public ConcurrentWriteException(String message, Throwable cause) {
    super(message, EXIT_FAILED, cause);
  }
}
