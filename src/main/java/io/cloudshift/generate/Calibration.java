package io.cloudshift.generate;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planted "true" monthly spend: per lab × stream a total and per-provider share paths, and per
 * provider the total cloud revenue from which the other customers' (unattributed) revenue is
 * derived. Every figure names the id of the public fact (the project's sourced fact sheet) it is
 * calibrated on, or says that it is an assumption. Amounts are USD per month; curves are straight
 * lines between anchors (see {@link MonthlyCurve}).
 *
 * <p>Share shifts are planted at the month that contains each agreement's effective date, which is
 * the event month d of docs/methodology.md#terms-in-force. In particular the OpenAI–Microsoft
 * amendment of 27 April 2026 (P13) is planted in April 2026, not May: the share-shift windows [d−w,
 * d) and [d, d+w) then separate the old and new terms exactly.
 */
final class Calibration {
  /** Fixed conversion for the one EUR-billed account (assumption: about the 2024–2026 average). */
  static final BigDecimal EUR_PER_USD = new BigDecimal("0.92");

  /**
   * Other customers keep at least this fraction of a provider's revenue (matters only for
   * CoreWeave).
   */
  static final BigDecimal MIN_UNATTRIBUTED_FRACTION = new BigDecimal("0.25");

  private final List<LabStreamPlan> plans;
  private final Map<String, MonthlyCurve> providerRevenue;

  private Calibration(List<LabStreamPlan> plans, Map<String, MonthlyCurve> providerRevenue) {
    this.plans = List.copyOf(plans);
    this.providerRevenue =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providerRevenue));
  }

  List<LabStreamPlan> plans() {
    return plans;
  }

  Map<String, MonthlyCurve> providerRevenue() {
    return providerRevenue;
  }

  Optional<LabStreamPlan> plan(String lab, Stream stream) {
    return plans.stream().filter(p -> p.lab().equals(lab) && p.stream() == stream).findFirst();
  }

  /** A lab's planted monthly spend at a provider in a stream (zero when nothing is planted). */
  BigDecimal labAmount(String lab, String provider, Stream stream, YearMonth month) {
    return plan(lab, stream)
        .map(p -> p.amount(provider, month))
        .orElse(BigDecimal.ZERO.setScale(2));
  }

  /**
   * The provider's revenue from customers that are not AI labs: its calibrated total minus every
   * planted lab amount there, but never below {@link #MIN_UNATTRIBUTED_FRACTION} of the total. Not
   * scaled down: amounts are full-size USD so lab shares of provider revenue look realistic.
   */
  BigDecimal unattributedAmount(String provider, YearMonth month) {
    MonthlyCurve curve = providerRevenue.get(provider);
    if (curve == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal total = curve.at(month);
    BigDecimal labs = BigDecimal.ZERO;
    for (LabStreamPlan plan : plans) {
      labs = labs.add(plan.amount(provider, month));
    }
    BigDecimal floor =
        total.multiply(MIN_UNATTRIBUTED_FRACTION).setScale(2, RoundingMode.HALF_EVEN);
    return total.subtract(labs).max(floor);
  }

  /** The calibration of this project, from its sourced public facts. */
  static Calibration publicFacts() {
    return new Calibration(
        List.of(
            openAiCompute(),
            openAiResale(),
            anthropicCompute(),
            anthropicResale(),
            mistralCompute(),
            mistralResale(),
            xaiCompute(),
            xaiResale(),
            cohereCompute(),
            cohereResale(),
            metaCompute()),
        providerRevenueCurves());
  }

  private static LabStreamPlan openAiCompute() {
    MonthlyCurve total =
        MonthlyCurve.always()
            .at(
                "2023-01",
                80,
                "assumption scaled to L01 (2023 revenue $2B) and L08 (0.2 GW in 2023)")
            .at("2023-12", 190, "assumption scaled to L01/L08")
            // L12: inference on Azure $3.7B in 2024; with OCI's 3% from June the planted Azure 2024
            // sum is $3.70B.
            .at("2024-01", 210, "L12 ($3.7B on Azure in 2024)")
            .at("2024-12", 420, "L12 ($3.7B on Azure in 2024)")
            // L12: $8.7B on Azure in the first nine months of 2025; the planted Azure 9M-2025 sum
            // is $8.70B.
            .at("2025-01", 760, "L12 ($8.7B on Azure in 9M-2025); P07 new large Azure commitment")
            .at("2025-09", 1400, "L12 ($8.7B on Azure in 9M-2025)")
            .at("2025-12", 1850, "L04 (revenue $13.1B 2025 -> $30B 2026), L06 cash burn")
            .at("2026-09", 3000, "L04/L07 (2026 revenue $30B, burn $17-18B): assumption")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "oci",
        SharePath.zero().step("2024-06", 0.03, "P06 OCI extends Azure for OpenAI (size assumed)"));
    shares.put(
        "coreweave",
        SharePath.zero()
            .ramp("2025-03", 0.04, "2025-08", 0.08, "P20 $11.9B five-year contract, P21 expansions")
            .step("2026-04", 0.10, "P13 amended agreement: any cloud"));
    shares.put(
        "gcp",
        SharePath.zero()
            .ramp("2025-05", 0.02, "2025-10", 0.05, "P22 Google Cloud deal finalized May 2025")
            .step("2026-04", 0.07, "P13 amended agreement: any cloud"));
    shares.put(
        "aws",
        SharePath.zero()
            .ramp(
                "2025-11",
                0.04,
                "2026-03",
                0.10,
                "P23 $38B AWS deal effective immediately, P24 +$100B")
            .step("2026-04", 0.16, "P13 amended agreement: any cloud"));
    // Azure keeps the rest: 100% until 2024-05 (P01/P04 exclusive), ROFR from 2025-01 (P07), 64%
    // from 2026-04 (P13).
    return new LabStreamPlan("OpenAI", Stream.COMPUTE, total, shares, "azure");
  }

  private static LabStreamPlan openAiResale() {
    // Azure OpenAI Service revenue, derived: in 2024 OpenAI paid Microsoft 20% of ~$4B revenue
    // (P07c, L01b)
    // minus Microsoft's 20% of Bing + Azure OpenAI (L11) = $493.8M net (L10), so Bing + AOAI ~
    // $1.5B; assumed
    // 75% of that is Azure OpenAI -> ~$1.15B in 2024. Same for 9M-2025 with L04 and L10 ($865.8M)
    // -> ~$3.2B.
    MonthlyCurve total =
        MonthlyCurve.always()
            .at("2023-01", 10, "assumption (Azure OpenAI Service GA in January 2023)")
            .at("2023-12", 55, "assumption")
            .at(
                "2024-01",
                60,
                "derived from L10, L11, L01b, P07c: ~$1.15B Azure OpenAI in 2024 (75% of Bing+AOAI"
                    + " assumed)")
            .at("2024-12", 135, "derived from L10, L11, L01b, P07c")
            .at("2025-09", 540, "derived from L10, L11, L04, P07c: ~$3.2B in 9M-2025")
            .at("2026-09", 1200, "assumption: growth like MS-26 (AI business +123% y/y)")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "aws",
        SharePath.zero()
            .step(
                "2026-04",
                0.08,
                "P13/P13b non-exclusive licence: OpenAI models on Amazon Bedrock (size assumed)")
            .ramp("2026-05", 0.09, "2026-09", 0.15, "assumption: Bedrock ramps after P13"));
    return new LabStreamPlan("OpenAI", Stream.RESALE, total, shares, "azure");
  }

  private static LabStreamPlan anthropicCompute() {
    MonthlyCurve total =
        MonthlyCurve.always()
            .at("2023-01", 20, "assumption (no public figure before L15)")
            .at("2024-12", 150, "assumption")
            .at(
                "2025-12",
                600,
                "L15 ~$9B run-rate at end-2025 ($750M/month), compute assumed 80% of it")
            .at("2026-03", 1000, "L16 $19B run-rate in March 2026, L17 Q1 revenue $4.8B")
            .at("2026-05", 1700, "L16 $45B run-rate in May 2026; L21 ~$20B server costs in 2026")
            .at("2026-09", 2000, "assumption")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "aws",
        SharePath.zero()
            .ramp("2023-09", 0.30, "2024-10", 0.65, "A02 AWS primary cloud from September 2023")
            .step("2024-11", 0.70, "A03 AWS primary training partner")
            .ramp("2025-11", 0.68, "2026-03", 0.64, "A06 Azure takes a part")
            .step("2026-04", 0.62, "A09 / A12 (CoreWeave) in April 2026"));
    shares.put(
        "azure",
        SharePath.zero().ramp("2025-11", 0.03, "2026-03", 0.08, "A06 $30B Azure commitment"));
    shares.put(
        "coreweave",
        SharePath.zero().step("2026-04", 0.04, "A12 CoreWeave arrangement (size assumed)"));
    // Google keeps the rest: 100% before AWS (A01 preferred cloud, Feb 2023), then about 30%.
    return new LabStreamPlan("Anthropic", Stream.COMPUTE, total, shares, "gcp");
  }

  private static LabStreamPlan anthropicResale() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2023-09")
            .at("2023-09", 3, "assumption (Claude on Amazon Bedrock, A02)")
            .at("2024-12", 40, "assumption")
            .at("2025-12", 90, "L15 $9B run-rate x 12% sold through clouds (assumption)")
            .at("2026-03", 190, "L16 $19B run-rate x 12% (assumption)")
            .at("2026-05", 450, "L16 $45B run-rate x 12% (assumption)")
            .at("2026-09", 550, "assumption")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "gcp",
        SharePath.zero()
            .step("2024-03", 0.25, "assumption: Claude on Vertex AI (A01 partnership)"));
    shares.put(
        "azure",
        SharePath.zero()
            .ramp(
                "2025-11",
                0.03,
                "2026-04",
                0.08,
                "A06: Claude in Azure AI Foundry (size assumed)"));
    return new LabStreamPlan("Anthropic", Stream.RESALE, total, shares, "aws");
  }

  private static LabStreamPlan mistralCompute() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2024-02")
            .at("2024-02", 6, "assumption (M01 Azure partnership; spend not disclosed)")
            .at("2026-09", 20, "assumption")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "aws", SharePath.zero().step("2024-02", 0.40, "assumption (M02 Bedrock partnership)"));
    return new LabStreamPlan("Mistral", Stream.COMPUTE, total, shares, "azure");
  }

  private static LabStreamPlan mistralResale() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2024-02")
            .at(
                "2024-02",
                1,
                "assumption (M01 Azure Models-as-a-Service, M02 Bedrock, February 2024)")
            .at("2026-09", 8, "assumption")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "aws",
        SharePath.zero().step("2024-02", 0.35, "M02 Mistral models on Bedrock (size assumed)"));
    shares.put("gcp", SharePath.zero().step("2024-02", 0.15, "assumption: Mistral on Vertex AI"));
    return new LabStreamPlan("Mistral", Stream.RESALE, total, shares, "azure");
  }

  private static LabStreamPlan xaiCompute() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2023-09")
            .at("2023-09", 10, "X01 Oracle deal (size assumed)")
            .at(
                "2024-07",
                44,
                "X02 24k H100 rented: 24,000 x ~$2.5/GPU-hour x 730 h (price assumed)")
            .at(
                "2026-09",
                44,
                "X02/X04: the $10B expansion was dropped, xAI builds Colossus; held flat")
            .build();
    return new LabStreamPlan("xAI", Stream.COMPUTE, total, Map.of(), "oci");
  }

  private static LabStreamPlan xaiResale() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2025-06")
            .at("2025-06", 1, "assumption: Grok models in OCI Generative AI from mid-2025")
            .at("2026-09", 6, "assumption")
            .build();
    return new LabStreamPlan("xAI", Stream.RESALE, total, Map.of(), "oci");
  }

  private static LabStreamPlan cohereCompute() {
    MonthlyCurve total =
        MonthlyCurve.always()
            .at("2023-01", 5, "assumption (C01-C03 values undisclosed)")
            .at("2026-09", 15, "assumption")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put(
        "oci",
        SharePath.zero().step("2023-06", 0.35, "C02 Oracle invests (June 2023); OCI use assumed"));
    shares.put(
        "coreweave",
        SharePath.zero().step("2024-01", 0.20, "C03 CoreWeave data centre (date assumed 2024-01)"));
    return new LabStreamPlan("Cohere", Stream.COMPUTE, total, shares, "gcp");
  }

  private static LabStreamPlan cohereResale() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2024-01")
            .at("2024-01", 0.5, "assumption: Cohere models in OCI Generative AI")
            .at("2026-09", 3, "assumption")
            .build();
    return new LabStreamPlan("Cohere", Stream.RESALE, total, Map.of(), "oci");
  }

  private static LabStreamPlan metaCompute() {
    MonthlyCurve total =
        MonthlyCurve.startingAt("2025-08")
            .at("2025-08", 139, "ME01 Google Cloud >$10B over six years = $139M/month")
            .at(
                "2025-09",
                376,
                "ME01 + ME02 CoreWeave $14.2B over an assumed 5 years = $237M/month")
            .build();
    Map<String, SharePath> shares = new LinkedHashMap<>();
    shares.put("coreweave", SharePath.zero().step("2025-09", 0.63, "ME02 (237 of 376 $M/month)"));
    return new LabStreamPlan("Meta", Stream.COMPUTE, total, shares, "gcp");
  }

  private static Map<String, MonthlyCurve> providerRevenueCurves() {
    Map<String, MonthlyCurve> curves = new LinkedHashMap<>();
    // Microsoft discloses Azure dollars only for FY25 (> $75B, MS-19); other years follow its
    // growth rates.
    curves.put(
        "azure",
        MonthlyCurve.always()
            .at("2023-01", 3600, "MS-19 FY25 $75B deflated by Azure growth (MS-03, MS-07: ~30%)")
            .at("2024-01", 4650, "MS-19 FY25 $75B / 1.34 (FY25 growth, MS-19)")
            .at("2025-01", 6250, "MS-19 FY25 Azure > $75B ($6.25B/month mid-year)")
            .at("2026-01", 8700, "MS-23 Azure +39% y/y")
            .at("2026-09", 11000, "MS-26 Azure +40% y/y, extrapolated (assumption)")
            .build());
    curves.put(
        "aws",
        MonthlyCurve.always()
            .at("2023-02", 7133, "AW-01 2023Q1 $21.4B")
            .at("2023-11", 8067, "AW-04 2023Q4 $24.2B")
            .at("2024-05", 8767, "AW-06 2024Q2 $26.3B")
            .at("2024-11", 9600, "AW-08 2024Q4 $28.8B")
            .at("2025-11", 11860, "AW-09 2025Q4 $35.58B")
            .at("2026-02", 12533, "AW-11 2026Q1 $37.6B")
            .at("2026-09", 14000, "AW-11 +28% y/y, extrapolated (assumption)")
            .build());
    // The Google Cloud segment includes Workspace: the synthetic GCP export is slightly oversized
    // for that.
    curves.put(
        "gcp",
        MonthlyCurve.always()
            .at("2023-02", 2483, "GC-01 2023Q1 $7.45B")
            .at("2023-05", 2667, "GC-02 2023Q2 $8.0B")
            .at("2024-02", 3190, "GC-06 2024Q1 $9.57B")
            .at("2024-11", 4000, "GC-07 2024Q4 $12.0B")
            .at("2025-05", 4533, "GC-08 2025Q2 $13.6B")
            .at("2025-08", 5067, "GC-09 2025Q3 $15.2B")
            .at("2025-11", 5900, "GC-07 2025Q4 $17.7B")
            .at("2026-02", 6667, "GC-10 2026Q1 > $20B")
            .at("2026-09", 8000, "GC-10 growth, extrapolated (assumption)")
            .build());
    // Oracle's fiscal quarters (June-May year) are placed at their middle calendar month.
    curves.put(
        "oci",
        MonthlyCurve.always()
            .at("2023-04", 470, "OR-02 FY24Q4 $2.0B / 1.42 (its growth) one year earlier")
            .at("2024-04", 667, "OR-02 FY24Q4 $2.0B")
            .at("2024-07", 733, "OR-03 FY25Q1 $2.2B")
            .at("2025-01", 900, "OR-04 FY25Q3 $2.7B")
            .at("2025-04", 1000, "OR-05 FY25Q4 $3.0B")
            .at("2025-07", 1100, "OR-06 FY26Q1 $3.3B")
            .at("2025-10", 1367, "OR-08 FY26Q2 $4.1B")
            .at("2026-01", 1633, "OR-09 FY26Q3 $4.9B")
            .at("2026-09", 2300, "OR-07 FY26 $18B guidance, extrapolated (assumption)")
            .build());
    curves.put(
        "coreweave",
        MonthlyCurve.always()
            .at("2023-07", 19, "CW-01 FY2023 $228.9M")
            .at("2024-07", 158, "CW-01 FY2024 $1.9B")
            .at("2025-02", 327, "CW-02 2025Q1 $981.6M")
            .at("2025-05", 404, "CW-03 2025Q2 $1.213B")
            .at("2025-08", 455, "CW-04 2025Q3 $1.3647B")
            .at("2025-11", 500, "CW-06 2025Q4 > $1.5B (Synergy estimate)")
            .at("2026-09", 800, "CW-07 2026 capex $30-35B, extrapolated (assumption)")
            .build());
    return curves;
  }
}
