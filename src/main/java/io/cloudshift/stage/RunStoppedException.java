package io.cloudshift.stage;

import io.cloudshift.CloudshiftException;

/**
 * The run was stopped by a signal: the stage it interrupted has its FAILED row in job_runs, which
 * says so and names the tables committed before the stop. Exits with 128 + the signal's number, as
 * a process killed by it would.
 */
public final class RunStoppedException extends CloudshiftException {
  private static final long serialVersionUID = 1L;

  public RunStoppedException(String message, int exitCode, Throwable cause) {
    super(message, exitCode, cause);
  }

  /** 128 + the signal's number, the shell's convention for a process a signal ended. */
  public static int exitCodeOf(String signal) {
    return 128
        + switch (signal) {
          case "SIGINT" -> 2;
          case "SIGHUP" -> 1;
          default -> 15;
        };
  }
}
