package io.cloudshift.generate;

/**
 * A provider region as FOCUS writes it (RegionId, RegionName), with its availability-zone prefix if
 * any.
 */
record Region(String id, String name, String zonePrefix) {}
