package io.cloudshift.generate;

/**
 * What a generate run wrote: data rows (bad rows included), data files (one per export and billing
 * month), the output root and the folder holding the planted truth.
 */
public record GenerateResult(
    long rowsWritten, int filesWritten, String outputRoot, String plantedTruthPath) {}
