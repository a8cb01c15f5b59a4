package io.cloudshift.config;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Charges for a lab's models sold by a provider, recognised by service name and an optional SKU
 * pattern.
 */
public record ResaleRule(
    String ruleId,
    String provider,
    String serviceName,
    Optional<String> skuPattern,
    String lab,
    Optional<YearMonth> validFrom,
    Optional<YearMonth> validTo) {}
