package io.cloudshift.config;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A lab's own billing account (optionally one sub-account) at a provider: its charges are the lab's
 * compute.
 */
public record ComputeAccountRule(
    String ruleId,
    String provider,
    String billingAccountId,
    Optional<String> subAccountId,
    String lab,
    Optional<YearMonth> validFrom,
    Optional<YearMonth> validTo) {}
