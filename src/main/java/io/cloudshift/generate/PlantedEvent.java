package io.cloudshift.generate;

import java.time.YearMonth;
import java.util.List;

/**
 * A contract event at which the calibration plants a share change (or, for P11, deliberately none),
 * keyed like the partnership records: lab, provider, the event month d (the month holding
 * effective_from) and the public-facts id.
 */
record PlantedEvent(
    String lab, String provider, YearMonth eventMonth, String factId, String plantedChange) {

  /** Every planted event, in time order. events.csv reports each for both streams. */
  static List<PlantedEvent> all() {
    return List.of(
        event("Cohere", "oci", "2023-06", "C02", "OCI takes 35% of Cohere compute"),
        event(
            "Anthropic",
            "aws",
            "2023-09",
            "A02",
            "AWS primary cloud: AWS compute share ramps 30% -> 65% by 2024-10"),
        event(
            "Cohere",
            "coreweave",
            "2024-01",
            "C03",
            "CoreWeave takes 20% of Cohere compute (date assumed)"),
        event(
            "Mistral",
            "azure",
            "2024-02",
            "M01",
            "Mistral spend starts (no pre-event spend: share undefined)"),
        event("OpenAI", "oci", "2024-06", "P06", "OCI 0% -> 3% of OpenAI compute"),
        event("Anthropic", "aws", "2024-11", "A03", "AWS step 65% -> 70% of Anthropic compute"),
        event(
            "OpenAI",
            "azure",
            "2025-01",
            "P07",
            "exclusive -> ROFR: CoreWeave (2025-03) and Google (2025-05) ramp"),
        event(
            "OpenAI",
            "coreweave",
            "2025-03",
            "P20",
            "CoreWeave ramps 4% -> 8% of OpenAI compute (by 2025-10)"),
        event("OpenAI", "gcp", "2025-05", "P22", "Google ramps 1.5% -> 6.5% of OpenAI compute"),
        event("Meta", "coreweave", "2025-09", "ME02", "CoreWeave takes 63% of Meta compute"),
        event(
            "OpenAI",
            "azure",
            "2025-10",
            "P11",
            "ROFR removed: no step of its own (AWS starts next month)"),
        event(
            "OpenAI",
            "aws",
            "2025-11",
            "P23",
            "AWS ramps 1.5% -> 7.5% of OpenAI compute by 2026-03 (the slide carries on)"),
        event(
            "Anthropic",
            "azure",
            "2025-11",
            "A06",
            "Azure ramps 3% -> 8% of Anthropic compute and resale"),
        event(
            "OpenAI",
            "azure",
            "2026-04",
            "P13",
            "amendment of 27 Apr 2026: Azure's compute share, sliding 1.5 pp a month (75% in"
                + " 2026-03, 66% by 2026-09 without P13), loses 6 pp more from 27 April (67.5% ->"
                + " 60%); OpenAI models also on Bedrock: Azure resale share 100% -> 92% from 27"
                + " April (85% by 2026-09); planted effect in _truth/planted_effects.csv"),
        event(
            "Anthropic", "coreweave", "2026-04", "A12", "CoreWeave takes 4% of Anthropic compute"));
  }

  private static PlantedEvent event(
      String lab, String provider, String month, String factId, String change) {
    return new PlantedEvent(lab, provider, YearMonth.parse(month), factId, change);
  }
}
