package io.cloudshift.config;

import java.util.List;

/**
 * A cloud provider: its id (the key under {@code cloudshift.providers}), display name, the first
 * calendar month of its fiscal year and the seller names that are the provider itself.
 */
public record ProviderConfig(
    String id, String name, int fiscalYearStartMonth, List<String> firstPartyNames) {}
