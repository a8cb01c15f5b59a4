package io.cloudshift.projection;

import java.math.BigDecimal;

/**
 * One row of {@code uplift_projection_sensitivity}: a scenario × stream × grid target share × grid
 * growth.
 */
public record SensitivityCell(
    Scenario scenario,
    StreamAssumptions assumptions,
    StreamBase base,
    double targetShare,
    double growth,
    BigDecimal cumulativeNetActual,
    BigDecimal cumulativeNetCounterfactual,
    BigDecimal cumulativeUplift,
    BigDecimal breakEvenShare,
    boolean scenarioCase) {}
