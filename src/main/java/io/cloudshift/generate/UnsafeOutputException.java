package io.cloudshift.generate;

/** generate was asked to write where it could destroy data it did not create; the CLI exits with 2. */
public final class UnsafeOutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsafeOutputException(String message) {
    super(message);
  }
}
