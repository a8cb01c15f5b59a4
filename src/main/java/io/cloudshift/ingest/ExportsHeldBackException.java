package io.cloudshift.ingest;

/**
 * Charge ingest held exports back for files it cannot read ({@link HeldBackExports}) after
 * ingesting the others: the rest of the ingest stage still runs, then the stage fails with this.
 */
public final class ExportsHeldBackException extends DataQualityException {
  private static final long serialVersionUID = 1L;

  public ExportsHeldBackException(String message) {
    super(message);
  }
}
