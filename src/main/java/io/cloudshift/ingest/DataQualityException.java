package io.cloudshift.ingest;

import io.cloudshift.CloudshiftException;

/**
 * The input is usable but what it holds stops the run (too many rejected rows, a file that cannot
 * be read): the message is one line saying what to inspect, and the CLI exits 1, so a scheduler
 * marks the run failed and a retry after a fix succeeds.
 */
public class DataQualityException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  public DataQualityException(String message) {
    super(message, EXIT_FAILED);
  }
}
