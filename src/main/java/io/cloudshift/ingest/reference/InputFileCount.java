package io.cloudshift.ingest.reference;

/**
 * Row accounting of one curated input file in one run (SPEC §6 conservation): every row read is
 * either silver or quarantined, so {@code rowsIn = rowsSilver + rowsQuarantine}, enforced here.
 *
 * @param dataset {@link ReferenceDataset#id()}: partnerships, lab-revenue or provider-disclosures
 * @param sourceFile the input path as configured
 */
public record InputFileCount(String dataset, String sourceFile, long rowsIn, long rowsSilver, long rowsQuarantine) {
  public InputFileCount {
    if (rowsIn != rowsSilver + rowsQuarantine) {
      throw new IllegalStateException(
          "Cannot account for the rows of " + dataset + " input " + sourceFile + ": " + rowsIn + " read but "
              + rowsSilver + " silver + " + rowsQuarantine + " quarantined (a row was lost or duplicated: this is a bug)");
    }
  }
}
