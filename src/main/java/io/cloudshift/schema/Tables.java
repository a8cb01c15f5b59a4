package io.cloudshift.schema;

/** Names of the Delta tables under the warehouse root (docs/methodology.md#outputs). */
public final class Tables {
  // Silver
  public static final String CHARGES = "charges";
  public static final String PARTNERSHIP_TERMS = "partnership_terms";
  public static final String ATTRIBUTION = "attribution";
  public static final String LAB_REVENUE = "lab_revenue";
  public static final String PROVIDER_DISCLOSURES = "provider_disclosures";
  public static final String FX_RATES = "fx_rates";
  // Quarantine
  public static final String REJECTED_CHARGES = "rejected_charges";
  public static final String REJECTED_PARTNERSHIPS = "rejected_partnerships";

  /** Rejected rows of the other curated inputs (lab revenue, provider disclosures). */
  public static final String REJECTED_REFERENCE = "rejected_reference";

  // Gold (docs/methodology.md#outputs) and the monthly aggregate they are computed from
  public static final String CHARGES_MONTHLY = "charges_monthly";
  public static final String LAB_PROVIDER_MONTHLY = "lab_provider_monthly";
  public static final String LAB_CONCENTRATION_MONTHLY = "lab_concentration_monthly";
  public static final String PROVIDER_LAB_MIX_QUARTERLY = "provider_lab_mix_quarterly";
  public static final String SHARE_SHIFT_EVENTS = "share_shift_events";
  public static final String UPLIFT_MONTHLY = "uplift_monthly";
  public static final String UPLIFT_QUARTERLY = "uplift_quarterly";
  public static final String UPLIFT_ESTIMATES = "uplift_estimates";
  public static final String UPLIFT_PROJECTION = "uplift_projection";
  public static final String UPLIFT_PROJECTION_SENSITIVITY = "uplift_projection_sensitivity";
  public static final String REVENUE_RECONCILIATION = "revenue_reconciliation";
  // Audit
  public static final String JOB_RUNS = "job_runs";

  /** What each re-delivery changed in silver (docs/operations.md#restatements). */
  public static final String RESTATEMENTS = "restatements";

  private Tables() {}
}
