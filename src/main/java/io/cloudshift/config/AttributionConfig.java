package io.cloudshift.config;

import java.util.List;

/** The versioned mapping of charges to labs and revenue streams (SPEC §2.2). */
public record AttributionConfig(
    String version, List<ComputeAccountRule> computeAccounts, List<ResaleRule> resaleRules) {}
