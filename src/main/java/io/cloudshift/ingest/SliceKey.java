package io.cloudshift.ingest;

import java.time.LocalDate;

/** The unit a re-delivered export replaces (SPEC §2.1): (export, billing account, billing month). */
public record SliceKey(String exportId, String billingAccountId, LocalDate billingMonth) {}
