package io.cloudshift.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows of one export file in the order they are written: the generated rows (kept encoded, see
 * {@link EncodedRows}), shuffled, with the planted bad rows inserted. A bad row is an ordinary row
 * written a second time with one cell replaced, so it is held as that row's record plus the kind of
 * damage.
 */
final class FileRows {
  private final List<FocusColumn> columns;
  private final EncodedRows records;

  /** Records of rows that count as revenue (the only ones a bad row may copy). */
  private final BitSet revenue = new BitSet();

  /** Per position: a record, or −(i + 1) for the i-th bad row. */
  private int[] order = new int[1024];

  private int size;
  private final List<BadRow> badRows = new ArrayList<>();

  private record BadRow(int record, BadRows.Kind kind) {}

  FileRows(List<FocusColumn> columns) {
    this.columns = List.copyOf(columns);
    this.records = new EncodedRows(columns);
  }

  List<FocusColumn> columns() {
    return columns;
  }

  /** Appends a generated row. */
  void add(Charge row) {
    int record = records.add(row);
    revenue.set(record, row.role().countsAsRevenue());
    insert(size, record);
  }

  int size() {
    return size;
  }

  /**
   * Hands the cells of the row at {@code position} to {@code cells} (a bad row's as in the row it
   * copies).
   */
  void read(int position, EncodedRows.Cells cells) {
    int entry = order[position];
    records.read(entry >= 0 ? entry : badRows.get(-entry - 1).record(), cells);
  }

  /** The damage done to the row at {@code position}, null for a good row. */
  BadRows.Kind badKind(int position) {
    int entry = order[position];
    return entry >= 0 ? null : badRows.get(-entry - 1).kind();
  }

  /** Fisher–Yates with the file's random source, so real-looking order is still reproducible. */
  void shuffle(SplittableRandom random) {
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** The records of the rows that count as revenue, in the current order. */
  int[] revenueRecords() {
    return Arrays.stream(order, 0, size)
        .filter(entry -> entry >= 0 && revenue.get(entry))
        .toArray();
  }

  /**
   * Inserts at {@code position} a copy of {@code record} with one cell damaged as {@code kind}
   * says.
   */
  void insertBadRow(int position, int record, BadRows.Kind kind) {
    badRows.add(new BadRow(record, kind));
    insert(position, -badRows.size());
  }

  private void insert(int position, int entry) {
    if (size == order.length) {
      order = Arrays.copyOf(order, size * 2);
    }
    System.arraycopy(order, position, order, position + 1, size - position);
    order[position] = entry;
    size++;
  }
}
