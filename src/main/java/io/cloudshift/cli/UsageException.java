package io.cloudshift.cli;

/** Wrong use of the command line that picocli itself cannot see (e.g. a malformed --period). */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
