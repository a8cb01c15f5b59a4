package io.cloudshift.config;

import java.time.LocalDate;

/** A terms change of a lab and provider, identified by the day it took effect. */
public record HeadlineEvent(String lab, String provider, LocalDate effectiveFrom) {}
