package io.cloudshift.generate;

import io.cloudshift.generate.AttributionRules.Attribution;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks every generated row against the configured attribution rules, reading only the columns the
 * file really has: a lab's row must resolve to that lab and stream, any other row to nothing. The
 * planted truth is only true if the ingester, applying the same rules, sees what the generator
 * meant; a configuration the generator cannot honour fails here with a clear message instead of
 * producing a silently wrong truth.
 */
final class AttributionCheck implements Consumer<Charge> {
  private final ExportMonth file;
  private final AttributionRules.InForce inForce;

  /** Slots of {@link AttributionRules#COLUMNS_READ}, −1 for a column the file does not have. */
  private final int[] slots;

  /**
   * A file's rows repeat a few thousand combinations of those columns' texts: each is attributed
   * once.
   */
  private final Map<List<String>, Optional<Attribution>> attributions = new HashMap<>();

  /** The check of one file's rows. */
  AttributionCheck(AttributionRules rules, ExportMonth file) {
    this.file = file;
    this.inForce = rules.inForce(file.providerId(), file.month());
    Set<String> written = new HashSet<>();
    for (FocusColumn column : file.layout().columns()) {
      written.add(column.name());
    }
    this.slots =
        AttributionRules.COLUMNS_READ.stream()
            .mapToInt(column -> written.contains(column) ? ColumnSlots.of(column) : -1)
            .toArray();
  }

  @Override
  public void accept(Charge row) {
    String[] texts = new String[slots.length];
    for (int i = 0; i < slots.length; i++) {
      Object value = slots[i] < 0 ? null : row.get(slots[i]);
      texts[i] = value == null ? null : value.toString();
    }
    Optional<Attribution> expected =
        row.role().lab().map(lab -> new Attribution(lab, row.role().stream()));
    Optional<Attribution> actual =
        attributions.computeIfAbsent(
            Arrays.asList(texts),
            cells ->
                inForce.attribute(
                    column -> cells.get(AttributionRules.COLUMNS_READ.indexOf(column))));
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          "Cannot generate "
              + file.export().id()
              + " "
              + file.month()
              + ": a row meant as "
              + describe(expected)
              + " would be attributed as "
              + describe(actual)
              + " by the configured rules (service "
              + row.text(io.cloudshift.schema.FocusColumns.SERVICE_NAME)
              + ", SKU "
              + row.text(io.cloudshift.schema.FocusColumns.SKU_ID)
              + "); change the attribution rules or the generator catalog");
    }
  }

  private static String describe(Optional<Attribution> attribution) {
    return attribution.map(a -> a.lab() + " " + a.stream().value()).orElse("unattributed");
  }
}
