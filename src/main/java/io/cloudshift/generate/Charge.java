package io.cloudshift.generate;

import io.cloudshift.schema.FocusColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One generated charge row: typed values by FOCUS column name (BigDecimal, Instant or String; a
 * missing column is null), its role in the planted truth, and for deliberately bad rows the raw
 * text that replaces one typed value in the CSV. The value map is only looked up by column, never
 * iterated, so its order cannot leak into the output.
 */
final class Charge {
  private final Map<String, Object> values = new HashMap<>();
  private String corruptedColumn;
  private String corruptedText;
  private ChargeRole role;

  Charge(ChargeRole role) {
    this.role = Objects.requireNonNull(role, "role");
  }

  Charge set(String column, Object value) {
    if (value == null) {
      values.remove(column);
    } else {
      if (!(value instanceof String || value instanceof BigDecimal || value instanceof Instant)) {
        throw new IllegalArgumentException(column + " holds a " + value.getClass().getSimpleName());
      }
      values.put(column, value);
    }
    return this;
  }

  Object get(String column) {
    return values.get(column);
  }

  String text(String column) {
    Object value = values.get(column);
    return value == null ? null : value.toString();
  }

  BigDecimal billedCost() {
    return (BigDecimal) values.get(FocusColumns.BILLED_COST);
  }

  BigDecimal effectiveCost() {
    return (BigDecimal) values.get(FocusColumns.EFFECTIVE_COST);
  }

  ChargeRole role() {
    return role;
  }

  void role(ChargeRole newRole) {
    this.role = Objects.requireNonNull(newRole, "role");
  }

  /** Replaces the written text of one cell with a value the ingester must reject. */
  void corrupt(String column, String rawText) {
    corruptedColumn = column;
    corruptedText = rawText;
    role = role.as(ChargeRole.Kind.BAD);
  }

  /** The column whose text is replaced, or null for a good row. */
  String corruptedColumn() {
    return corruptedColumn;
  }

  /** The raw text written in place of the corrupted column's value. */
  String corruptedText() {
    return corruptedText;
  }

  Charge copy() {
    Charge copy = new Charge(role);
    copy.values.putAll(values);
    copy.corruptedColumn = corruptedColumn;
    copy.corruptedText = corruptedText;
    return copy;
  }
}
