package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one export file, encoded as they are generated into a few large byte arrays, in the
 * file's column order: a string as its UTF-8 bytes, a decimal as the two's complement of its value
 * at scale 6, a timestamp as microseconds since the epoch. A file is shuffled before it is written,
 * so all its rows must be held at once; at 100M rows a file has about 450,000, which as objects
 * took about 1.1 KB each and were copied by every young collection. Here they take a third of that,
 * in arrays the collector never copies, and a Parquet writer reads the strings in place.
 *
 * <p>Most string cells repeat a few values per column (accounts, services, SKUs, regions): the
 * first {@value #DISTINCT_STRINGS_PER_COLUMN} distinct strings of a column are stored once and
 * referenced, which also hands Parquet's dictionary the same bytes for equal values, so it compares
 * them by identity. A column with more distinct values (resource ids) is stored inline.
 *
 * <p>Encoding keeps exactly what either writer writes: decimals are rounded half-even to 6 decimals
 * as both formats write them, and timestamps keep microseconds (the CSV shows seconds).
 */
final class EncodedRows {
  /** Receives the cells of one row in column order (column = index in the file's columns). */
  interface Cells {
    void none(int column);

    void text(int column, byte[] utf8, int offset, int length);

    /** The value at scale 6 as big-endian two's complement bytes. */
    void decimal(int column, byte[] unscaled, int offset, int length);

    void timestamp(int column, long micros);
  }

  /** The scale every decimal is written with. */
  static final int SCALE = 6;

  /**
   * A little under 4 MiB: a multiple of G1's region size for a 4 GiB heap (2 MiB) minus the array
   * header, so each chunk is one humongous object wasting no region space and is never copied.
   */
  private static final int CHUNK_BYTES = (4 << 20) - 64;

  /** How many distinct strings of a column are shared; the maps holding them stay small. */
  static final int DISTINCT_STRINGS_PER_COLUMN = 4096;

  private final FocusColumn.Type[] types;
  private final int[] slots;

  /** Per column (string columns use theirs): the id in {@link #strings} of each shared value. */
  private final List<Map<String, Integer>> stringIds = new ArrayList<>();

  private final List<byte[]> strings = new ArrayList<>();
  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk = new byte[0];
  private int used;

  /** Chunk index (high 32 bits) and offset (low 32 bits) of every record. */
  private long[] starts = new long[1024];

  private int size;
  private byte[] scratch = new byte[4096];

  EncodedRows(List<FocusColumn> columns) {
    this.types = columns.stream().map(FocusColumn::type).toArray(FocusColumn.Type[]::new);
    this.slots = ColumnSlots.of(columns);
    for (int i = 0; i < columns.size(); i++) {
      stringIds.add(new HashMap<>());
    }
  }

  int size() {
    return size;
  }

  /** Appends a row (its values of the file's columns) and returns its record number. */
  int add(Charge row) {
    int length = 0;
    for (int i = 0; i < slots.length; i++) {
      length = encode(i, row.get(slots[i]), length);
    }
    if (used + length > chunk.length) {
      chunk = new byte[Math.max(CHUNK_BYTES, length)];
      chunks.add(chunk);
      used = 0;
    }
    System.arraycopy(scratch, 0, chunk, used, length);
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
    }
    starts[size] = ((long) (chunks.size() - 1) << 32) | used;
    used += length;
    return size++;
  }

  /** Hands the cells of a record to {@code cells}, in column order. */
  void read(int record, Cells cells) {
    byte[] bytes = chunks.get((int) (starts[record] >>> 32));
    int at = (int) starts[record];
    for (int column = 0; column < types.length; column++) {
      switch (types[column]) {
        case STRING -> {
          int cell = 0;
          int shift = 0;
          int b;
          do {
            b = bytes[at++];
            cell |= (b & 0x7f) << shift;
            shift += 7;
          } while (b < 0);
          if (cell == 0) {
            cells.none(column);
          } else if ((cell & 1) == 0) {
            byte[] shared = strings.get((cell >>> 1) - 1);
            cells.text(column, shared, 0, shared.length);
          } else {
            cells.text(column, bytes, at, cell >>> 1);
            at += cell >>> 1;
          }
        }
        case DECIMAL -> {
          int length = bytes[at++];
          if (length == 0) {
            cells.none(column);
          } else {
            cells.decimal(column, bytes, at, length);
            at += length;
          }
        }
        case TIMESTAMP -> {
          if (bytes[at++] == 0) {
            cells.none(column);
          } else {
            long micros = 0;
            for (int i = 0; i < Long.BYTES; i++) {
              micros = (micros << 8) | (bytes[at++] & 0xff);
            }
            cells.timestamp(column, micros);
          }
        }
      }
    }
  }

  /** A decimal cell as the BigDecimal it encodes (scale 6). */
  static BigDecimal decimal(byte[] unscaled, int offset, int length) {
    if (length <= Long.BYTES) {
      long value = unscaled[offset]; // sign-extended
      for (int i = 1; i < length; i++) {
        value = (value << 8) | (unscaled[offset + i] & 0xff);
      }
      return BigDecimal.valueOf(value, SCALE);
    }
    return new BigDecimal(new BigInteger(unscaled, offset, length), SCALE);
  }

  private static long micros(Instant value) {
    return Math.addExact(
        Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000L);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /**
   * Encodes the value of column {@code column} at {@code at} in the scratch buffer; returns the
   * end.
   */
  private int encode(int column, Object value, int at) {
    return switch (types[column]) {
      // A string cell is a varint: 0 for null, (id + 1) << 1 for a shared string, length << 1 | 1
      // before inline bytes.
      case STRING -> {
        if (value == null) {
          yield put(at, 0);
        }
        String text = (String) value;
        Map<String, Integer> ids = stringIds.get(column);
        Integer id = ids.get(text);
        if (id == null && ids.size() < DISTINCT_STRINGS_PER_COLUMN) {
          id = strings.size();
          strings.add(text.getBytes(StandardCharsets.UTF_8));
          ids.put(text, id);
        }
        if (id != null) {
          yield put(at, (id + 1) << 1);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int end = put(at, utf8.length << 1 | 1);
        ensure(end + utf8.length);
        System.arraycopy(utf8, 0, scratch, end, utf8.length);
        yield end + utf8.length;
      }
      case DECIMAL -> {
        ensure(at + 1);
        if (value == null) {
          scratch[at] = 0;
          yield at + 1;
        }
        byte[] unscaled =
            ((BigDecimal) value)
                .setScale(SCALE, RoundingMode.HALF_EVEN)
                .unscaledValue()
                .toByteArray();
        if (unscaled.length > Byte.MAX_VALUE) {
          throw new IllegalArgumentException(
              "Cannot generate a decimal of " + unscaled.length + " bytes: " + value);
        }
        ensure(at + 1 + unscaled.length);
        scratch[at] = (byte) unscaled.length;
        System.arraycopy(unscaled, 0, scratch, at + 1, unscaled.length);
        yield at + 1 + unscaled.length;
      }
      case TIMESTAMP -> {
        ensure(at + 1 + Long.BYTES);
        if (value == null) {
          scratch[at] = 0;
          yield at + 1;
        }
        scratch[at] = 1;
        long micros = micros((Instant) value);
        for (int i = Long.BYTES; i >= 1; i--) {
          scratch[at + i] = (byte) micros;
          micros >>>= 8;
        }
        yield at + 1 + Long.BYTES;
      }
    };
  }

  /** Writes a non-negative int as a varint (7 bits a byte, low bits first); returns the end. */
  private int put(int at, int value) {
    ensure(at + 5);
    int v = value;
    while (v >= 0x80) {
      scratch[at++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    scratch[at++] = (byte) v;
    return at;
  }

  private void ensure(int capacity) {
    if (capacity > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(capacity, scratch.length * 2));
    }
  }
}
