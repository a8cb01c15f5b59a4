package io.cloudshift.schema;

import java.util.List;
import java.util.Optional;

/**
 * The data contract: every table cloudshift writes, each declared once by its {@link TableSpec}
 * (columns with comments, partitioning, properties, write mode). Stages name the tables they read
 * and write by these specs, and docs/tables.md is generated from this list ({@code TablesPage}).
 */
public final class TableCatalog {
  /** In pipeline order: silver, the monthly aggregate, quarantine, gold, audit. */
  public static final List<TableSpec> ALL =
      List.of(
          ChargesTable.SPEC,
          ChargesMonthlyTable.SPEC,
          AttributionRulesTable.SPEC,
          PartnershipTermsTable.SPEC,
          LabRevenueTable.SPEC,
          ProviderDisclosuresTable.SPEC,
          FxRatesTable.SPEC,
          QuarantineTables.REJECTED_CHARGES,
          QuarantineTables.REJECTED_PARTNERSHIPS,
          QuarantineTables.REJECTED_REFERENCE,
          LabProviderMonthlyTable.SPEC,
          LabConcentrationMonthlyTable.SPEC,
          ProviderLabMixQuarterlyTable.SPEC,
          ShareShiftEventsTable.SPEC,
          UpliftMonthlyTable.SPEC,
          UpliftQuarterlyTable.SPEC,
          UpliftEstimatesTable.SPEC,
          UpliftProjectionTable.SPEC,
          UpliftProjectionSensitivityTable.SPEC,
          RevenueReconciliationTable.SPEC,
          JobRunsTable.SPEC,
          RestatementsTable.SPEC);

  private TableCatalog() {}

  /** The spec of the table called {@code name}. */
  public static Optional<TableSpec> find(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
