package io.cloudshift.ingest.reference;

import io.cloudshift.io.InputException;

/**
 * A curated reference input exists but cannot be used as a whole (no header, missing columns); the
 * message says what to fix.
 */
public final class InvalidReferenceInputException extends InputException {
  private static final long serialVersionUID = 1L;

  public InvalidReferenceInputException(String message) {
    super(message);
  }
}
