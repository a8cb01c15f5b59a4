package io.cloudshift.uplift;

import static io.cloudshift.uplift.UpliftFixtures.PROVIDERS;

import io.cloudshift.schema.LabRevenueColumns;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.schema.UpliftQuarterlyTable;
import io.cloudshift.uplift.UpliftFixtures.LabRevenue;
import io.cloudshift.uplift.UpliftFixtures.Lpm;
import io.cloudshift.uplift.UpliftFixtures.Terms;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The hand-made scenarios of the uplift tests, in one input and computed once per test JVM (each
 * Spark plan of the uplift costs seconds to plan and compile; one plan serves every test class).
 * Each scenario has its own lab, so scenarios cannot interact. The data's last month is July 2026:
 * inbound rows run to it.
 *
 * <p>OpenAI at azure and aws, Oct 2025 – Jun 2026: the resale share OpenAI gets from Azure drops
 * from 20 % to 0 on 27 April 2026 (event month d = April; baseline [Oct 2025, Apr 2026) = 6
 * months).
 *
 * <pre>
 *              baseline months (each)         months from d (each)
 *   resale     azure 90, aws 10  (T = 100)    azure 105, aws 45  (T = 150, s = 0.7)
 *   compute    azure 100, aws 100 (T = 200)   azure 120, aws 180 (T = 300, s = 0.4)
 * </pre>
 *
 * <p>LabInbound pays Azure q = 20 % of its revenue. Old terms (O1, from 2019): no cap. New terms
 * (N1, 27 April 2026): the same 20 % capped at $500 in total. LabRevenue = $1,000 every month of
 * 2026 (a $12,000 run-rate). Billing data runs Jan–Jul 2026.
 *
 * <p>xAI at Oracle (fiscal year from June) from 15 April 2026, LabFy at Microsoft (from July) from
 * 10 June 2025: quarters across the fiscal year boundaries.
 */
record HandScenarios(List<Row> monthly, List<Row> quarterly) {
  private static HandScenarios instance;

  static synchronized HandScenarios get() {
    if (instance == null) {
      instance = compute();
    }
    return instance;
  }

  private static HandScenarios compute() {
    Lpm lpm =
        new Lpm()
            .range("OpenAI", "azure", "resale", "2025-10", "2026-03", "90")
            .range("OpenAI", "aws", "resale", "2025-10", "2026-03", "10")
            .range("OpenAI", "azure", "resale", "2026-04", "2026-06", "105")
            .range("OpenAI", "aws", "resale", "2026-04", "2026-06", "45")
            .range("OpenAI", "azure", "compute", "2025-10", "2026-03", "100")
            .range("OpenAI", "aws", "compute", "2025-10", "2026-03", "100")
            .range("OpenAI", "azure", "compute", "2026-04", "2026-06", "120")
            .range("OpenAI", "aws", "compute", "2026-04", "2026-06", "180");
    // As in silver, each version ends where the next starts.
    Terms terms =
        new Terms()
            .add(
                "P01",
                "OpenAI",
                "azure",
                "2023-01-23",
                "2026-04-27",
                "exclusive",
                "0.20",
                null,
                null)
            .add("P02", "OpenAI", "azure", "2026-04-27", null, "none", "0", null, null);

    // docs/methodology.md's break-even example: azure is the lab's only resale provider (s0 = 1).
    lpm.range("LabSpec", "azure", "resale", "2025-10", "2026-03", "50")
        .range("LabSpec", "azure", "resale", "2026-04", "2026-04", "80");
    terms
        .add("S01", "LabSpec", "azure", "2023-01-23", "2026-04-27", "exclusive", "0.20", null, null)
        .add("S02", "LabSpec", "azure", "2026-04-27", null, "none", "0", null, null);

    // Event in the lab's first month of data (2025-10): no month in [2025-04, 2025-10).
    lpm.range("LabFirst", "azure", "resale", "2025-10", "2025-11", "60")
        .range("LabFirst", "aws", "resale", "2025-10", "2025-11", "40");
    terms
        .add(
            "F01", "LabFirst", "azure", "2019-07-22", "2025-10-01", "exclusive", "0.20", null, null)
        .add("F02", "LabFirst", "azure", "2025-10-01", null, "rofr", "0.10", null, null);

    // Credit month: baseline Jan-Feb 2026 azure 30 of T 40; in March credits make T = -10.
    lpm.range("LabCredit", "azure", "resale", "2026-01", "2026-02", "30")
        .range("LabCredit", "aws", "resale", "2026-01", "2026-02", "10")
        .add("LabCredit", "azure", "resale", "2026-03", "-20")
        .add("LabCredit", "aws", "resale", "2026-03", "10");
    terms
        .add("C01", "LabCredit", "azure", "2024-02-26", "2026-03-01", "none", "0.2", null, null)
        .add("C02", "LabCredit", "azure", "2026-03-01", null, "none", "0.5", null, null);

    // Baseline whose total is 0 (a credit cancels the usage).
    lpm.add("LabZero", "azure", "resale", "2026-01", "5")
        .add("LabZero", "aws", "resale", "2026-01", "-5")
        .add("LabZero", "azure", "resale", "2026-02", "10")
        .add("LabZero", "aws", "resale", "2026-02", "10");
    terms
        .add("Z01", "LabZero", "azure", "2024-02-26", "2026-02-01", "none", "0.2", null, null)
        .add("Z02", "LabZero", "azure", "2026-02-01", null, "none", "0.5", null, null);

    // Two versions starting in April 2026 (3 and 27 April).
    lpm.range("LabSeveral", "azure", "resale", "2026-01", "2026-05", "100");
    terms
        .add("V01", "LabSeveral", "azure", "2025-01-21", "2026-04-03", "rofr", "0.20", null, null)
        .add("V02", "LabSeveral", "azure", "2026-04-03", "2026-04-27", "rofr", "0.10", null, null)
        .add("V03", "LabSeveral", "azure", "2026-04-27", null, "none", "0", null, null);

    // Inbound share with a cap that runs out mid-quarter.
    lpm.range("LabInbound", "azure", "compute", "2026-01", "2026-07", "100");
    terms
        .add(
            "O1",
            "LabInbound",
            "azure",
            "2019-07-22",
            "2026-04-27",
            "exclusive",
            "0.20",
            "0.20",
            null)
        .add("N1", "LabInbound", "azure", "2026-04-27", null, "none", "0", "0.20", "500");
    // The same, with a new cap of $20 that runs out in the event month itself.
    lpm.range("LabCapShort", "azure", "compute", "2026-01", "2026-05", "100");
    terms
        .add("O2", "LabCapShort", "azure", "2019-07-22", "2026-04-27", "none", null, "0.20", null)
        .add("N2", "LabCapShort", "azure", "2026-04-27", null, "none", null, "0.20", "20");
    LabRevenue labRevenue =
        new LabRevenue()
            .add(
                "R1",
                "LabInbound",
                LabRevenueColumns.ANNUALIZED_RUN_RATE_USD,
                "2026-01-01",
                "2026-12-31",
                "1000")
            .add(
                "R2",
                "LabCapShort",
                LabRevenueColumns.ANNUALIZED_RUN_RATE_USD,
                "2026-01-01",
                "2026-12-31",
                "1000");

    // Fiscal quarters: Oracle (June) and Microsoft (July).
    lpm.range("xAI", "oci", "compute", "2026-01", "2026-07", "10")
        .range("LabFy", "azure", "compute", "2025-01", "2025-10", "10");
    terms
        .add("X1", "xAI", "oci", "2024-06-01", "2026-04-15", "none", null, null, null)
        .add("X2", "xAI", "oci", "2026-04-15", null, "none", null, null, null)
        .add("Y1", "LabFy", "azure", "2024-02-26", "2025-06-10", "none", null, null, null)
        .add("Y2", "LabFy", "azure", "2025-06-10", null, "none", null, null, null);

    Dataset<Row> monthly =
        UpliftMonthly.of(
                lpm.build(),
                lpm.chargesMonthly(),
                terms.build(),
                labRevenue.build(),
                6,
                12,
                PROVIDERS,
                UpliftFixtures.USD)
            .cache();
    try {
      if (!List.of(monthly.columns()).equals(UpliftMonthlyTable.SPEC.columnNames())) {
        throw new AssertionError("uplift_monthly columns " + List.of(monthly.columns()));
      }
      Dataset<Row> quarterly = UpliftQuarterly.of(monthly, PROVIDERS);
      if (!List.of(quarterly.columns()).equals(UpliftQuarterlyTable.SPEC.columnNames())) {
        throw new AssertionError("uplift_quarterly columns " + List.of(quarterly.columns()));
      }
      return new HandScenarios(monthly.collectAsList(), quarterly.collectAsList());
    } finally {
      monthly.unpersist();
    }
  }
}
