package io.cloudshift.schema;

/** Names of the Delta tables under the warehouse root (SPEC §3). */
public final class Tables {
  // Silver
  public static final String CHARGES = "charges";
  public static final String PARTNERSHIP_TERMS = "partnership_terms";
  public static final String ATTRIBUTION = "attribution";
  public static final String LAB_REVENUE = "lab_revenue";
  public static final String PROVIDER_DISCLOSURES = "provider_disclosures";
  // Quarantine
  public static final String REJECTED_CHARGES = "rejected_charges";
  public static final String REJECTED_PARTNERSHIPS = "rejected_partnerships";
  /** Rejected rows of the other curated inputs (lab revenue, provider disclosures). */
  public static final String REJECTED_REFERENCE = "rejected_reference";
  // Audit
  public static final String JOB_RUNS = "job_runs";

  private Tables() {}
}
