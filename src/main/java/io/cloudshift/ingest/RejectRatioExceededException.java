package io.cloudshift.ingest;

/**
 * Too many rows were quarantined: the run stops before it changes the silver charges
 * (docs/guarantees.md).
 */
public final class RejectRatioExceededException extends DataQualityException {
  private static final long serialVersionUID = 1L;

  public RejectRatioExceededException(String message) {
    super(message);
  }
}
