package io.cloudshift.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers every column a generated row can hold (the generator's FOCUS catalog plus the provider x_
 * columns), so a {@link Charge} is a plain array and a writer resolves its columns to slots once
 * per file instead of looking names up for every cell.
 */
final class ColumnSlots {
  private static final Map<String, Integer> SLOTS = new HashMap<>();

  static {
    for (FocusColumn column : GeneratedFocusVersion.catalog()) {
      SLOTS.put(column.name(), SLOTS.size());
    }
    for (String extension : ExportLayout.EXTENSION_COLUMNS) {
      SLOTS.put(extension, SLOTS.size());
    }
  }

  /** How many slots a row has. */
  static final int COUNT = SLOTS.size();

  private ColumnSlots() {}

  static int of(String column) {
    Integer slot = SLOTS.get(column);
    if (slot == null) {
      throw new IllegalArgumentException("The generator has no column " + column);
    }
    return slot;
  }

  /** The slots of a file's columns, in the file's column order. */
  static int[] of(List<FocusColumn> columns) {
    int[] slots = new int[columns.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = of(columns.get(i).name());
    }
    return slots;
  }
}
