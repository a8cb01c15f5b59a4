package io.cloudshift.generate;

import io.cloudshift.schema.FocusColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One generated charge row while it is being made: typed values by column (BigDecimal, Instant or
 * String; a column never set is null) and its role in the planted truth. Values live in an array
 * indexed by {@link ColumnSlots}, which costs far less per row than a map by name. Once made, a row
 * is checked, counted and kept only encoded ({@link FileRows}).
 */
final class Charge {
  private static final int BILLED_COST = ColumnSlots.of(FocusColumns.BILLED_COST);
  private static final int EFFECTIVE_COST = ColumnSlots.of(FocusColumns.EFFECTIVE_COST);

  private final Object[] values;
  private final ChargeRole role;

  Charge(ChargeRole role) {
    this(role, new Object[ColumnSlots.COUNT]);
  }

  private Charge(ChargeRole role, Object[] values) {
    this.role = Objects.requireNonNull(role, "role");
    this.values = values;
  }

  Charge set(String column, Object value) {
    if (value != null
        && !(value instanceof String || value instanceof BigDecimal || value instanceof Instant)) {
      throw new IllegalArgumentException(column + " holds a " + value.getClass().getSimpleName());
    }
    values[ColumnSlots.of(column)] = value;
    return this;
  }

  Object get(String column) {
    return values[ColumnSlots.of(column)];
  }

  /**
   * The value in a slot resolved once by the caller (see {@link ColumnSlots#of(java.util.List)}).
   */
  Object get(int slot) {
    return values[slot];
  }

  String text(String column) {
    Object value = get(column);
    return value == null ? null : value.toString();
  }

  BigDecimal billedCost() {
    return (BigDecimal) values[BILLED_COST];
  }

  BigDecimal effectiveCost() {
    return (BigDecimal) values[EFFECTIVE_COST];
  }

  ChargeRole role() {
    return role;
  }

  /** A new row with this row's values and another role. */
  Charge copy(ChargeRole newRole) {
    return new Charge(newRole, values.clone());
  }
}
