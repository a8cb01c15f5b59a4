package io.cloudshift.generate;

import io.cloudshift.generate.AttributionRules.Attribution;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every generated row against the configured attribution rules, reading only the columns
 * the file really has: a lab's row must resolve to that lab and stream, any other row to nothing.
 * The planted truth is only true if the ingester, applying the same rules, sees what the generator
 * meant; a configuration the generator cannot honour fails here with a clear message instead of
 * producing a silently wrong truth.
 */
final class AttributionCheck {
  private final AttributionRules rules;

  AttributionCheck(AttributionRules rules) {
    this.rules = rules;
  }

  void verify(ExportMonth file, List<Charge> rows) {
    Set<String> written = new HashSet<>();
    for (FocusColumn column : file.layout().columns()) {
      written.add(column.name());
    }
    for (Charge row : rows) {
      if (row.role().kind() == ChargeRole.Kind.BAD) {
        continue;
      }
      Optional<Attribution> expected = row.role().lab().map(lab -> new Attribution(lab, row.role().stream()));
      Optional<Attribution> actual =
          rules.attribute(file.providerId(), file.month(), column -> written.contains(column) ? row.text(column) : null);
      if (!expected.equals(actual)) {
        throw new IllegalStateException(
            "Cannot generate " + file.export().id() + " " + file.month() + ": a row meant as " + describe(expected)
                + " would be attributed as " + describe(actual) + " by the configured rules (service "
                + row.text(io.cloudshift.schema.FocusColumns.SERVICE_NAME) + ", SKU "
                + row.text(io.cloudshift.schema.FocusColumns.SKU_ID) + "); change the attribution rules or the generator catalog");
      }
    }
  }

  private static String describe(Optional<Attribution> attribution) {
    return attribution.map(a -> a.lab() + " " + a.stream().value()).orElse("unattributed");
  }
}
