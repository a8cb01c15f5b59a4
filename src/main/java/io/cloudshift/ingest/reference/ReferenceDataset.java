package io.cloudshift.ingest.reference;

import io.cloudshift.schema.DisclosureColumns;
import io.cloudshift.schema.LabRevenueColumns;
import io.cloudshift.schema.PartnershipColumns;
import java.util.List;

/**
 * The curated reference inputs (docs/methodology.md#inputs). {@link #id()} is both the key under
 * {@code cloudshift.inputs} and the value of the {@code dataset} column in quarantine and audit
 * rows.
 */
public enum ReferenceDataset {
  PARTNERSHIPS("partnerships", PartnershipColumns.INPUT),
  LAB_REVENUE("lab-revenue", LabRevenueColumns.INPUT),
  PROVIDER_DISCLOSURES("provider-disclosures", DisclosureColumns.INPUT),
  /**
   * The ECB's euro reference rates: a wide file read by {@link EcbRatesFile}, not as curated CSV.
   */
  FX_RATES("fx-rates", List.of("Date"));

  private final String id;
  private final List<String> columns;

  ReferenceDataset(String id, List<String> columns) {
    this.id = id;
    this.columns = columns;
  }

  public String id() {
    return id;
  }

  /** The header the curated CSV must have (any order; extra columns are ignored). */
  public List<String> columns() {
    return columns;
  }
}
