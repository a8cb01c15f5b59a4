package io.cloudshift;

/**
 * A failure cloudshift can explain in one line: the command prints the message (no stack trace) and
 * exits with the code the failure carries. Anything else is a bug, logged with its stack trace.
 */
public abstract class CloudshiftException extends RuntimeException {
  /**
   * The job ran and failed (a reject ratio exceeded, a file held back, a commit that kept
   * conflicting).
   */
  public static final int EXIT_FAILED = 1;

  /** Wrong usage, a bad config value or a missing input: found before anything was written. */
  public static final int EXIT_USAGE = 2;

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  protected CloudshiftException(String message, int exitCode) {
    this(message, exitCode, null);
  }

  protected CloudshiftException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public final int exitCode() {
    return exitCode;
  }
}
