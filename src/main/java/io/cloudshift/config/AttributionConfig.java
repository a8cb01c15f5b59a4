package io.cloudshift.config;

import java.util.List;

/**
 * The versioned mapping of charges to labs and revenue streams (docs/methodology.md#attribution).
 */
public record AttributionConfig(
    String version, List<ComputeAccountRule> computeAccounts, List<ResaleRule> resaleRules) {}
