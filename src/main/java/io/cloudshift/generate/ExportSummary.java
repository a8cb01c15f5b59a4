package io.cloudshift.generate;

import io.cloudshift.config.ExportConfig;

/** What was written for one export, for the README. */
record ExportSummary(
    String exportId,
    String providerId,
    ExportConfig.Format format,
    ExportLayout layout,
    int files,
    long rows,
    int badRows) {}
