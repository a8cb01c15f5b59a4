package io.cloudshift.generate;

import io.cloudshift.schema.Stream;
import java.util.Optional;

/**
 * What a generated row is in the planted truth. Only {@link Kind#REVENUE} rows are summed; Tax and
 * marketplace rows are excluded as docs/methodology.md#billing-charges-focus says by default.
 * Deliberately bad rows are copies made after the truth is counted ({@link BadRows}), so they never
 * reach revenue either.
 */
record ChargeRole(Kind kind, Optional<String> lab, Stream stream) {
  enum Kind {
    REVENUE,
    TAX,
    MARKETPLACE
  }

  static ChargeRole revenue(String lab, Stream stream) {
    return new ChargeRole(Kind.REVENUE, Optional.of(lab), stream);
  }

  static ChargeRole unattributed() {
    return new ChargeRole(Kind.REVENUE, Optional.empty(), Stream.UNATTRIBUTED);
  }

  ChargeRole as(Kind newKind) {
    return new ChargeRole(newKind, lab, stream);
  }

  boolean countsAsRevenue() {
    return kind == Kind.REVENUE;
  }
}
