package io.cloudshift.io;

/** An input path does not exist; the message says which and what to do. */
public final class InputNotFoundException extends InputException {
  private static final long serialVersionUID = 1L;

  public InputNotFoundException(String message) {
    super(message);
  }
}
