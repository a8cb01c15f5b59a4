package io.cloudshift.ingest;

/**
 * Charge ingest set exports aside for files it cannot read ({@link HeldBackExports}) after
 * ingesting the others: the rest of the ingest stage still runs, then the stage fails with this.
 */
public final class ExportsSetAsideException extends DataQualityException {
  private static final long serialVersionUID = 1L;

  public ExportsSetAsideException(String message) {
    super(message);
  }
}
