package io.cloudshift.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.FocusColumns;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows kept encoded come back cell by cell as the writers must write them. */
class SyntheticEncodedRowsTest {
  private static final List<FocusColumn> COLUMNS =
      List.of(
          new FocusColumn(
              FocusColumns.CHARGE_DESCRIPTION, FocusColumn.Type.STRING, GeneratedFocusVersion.V1_0),
          new FocusColumn(
              FocusColumns.BILLED_COST, FocusColumn.Type.DECIMAL, GeneratedFocusVersion.V1_0),
          new FocusColumn(
              FocusColumns.LIST_COST, FocusColumn.Type.DECIMAL, GeneratedFocusVersion.V1_0),
          new FocusColumn(
              FocusColumns.CHARGE_PERIOD_START,
              FocusColumn.Type.TIMESTAMP,
              GeneratedFocusVersion.V1_0),
          new FocusColumn(
              FocusColumns.RESOURCE_TYPE, FocusColumn.Type.STRING, GeneratedFocusVersion.V1_0),
          new FocusColumn(
              FocusColumns.CONSUMED_QUANTITY,
              FocusColumn.Type.DECIMAL,
              GeneratedFocusVersion.V1_0));

  @Test
  void cellsComeBackInColumnOrderWithDecimalsAtScaleSix() {
    EncodedRows rows = new EncodedRows(COLUMNS);
    // 150 two-byte characters: a 300-byte string, whose length needs two varint bytes.
    String longText = "é".repeat(150);
    int first =
        rows.add(
            new Charge(ChargeRole.unattributed())
                .set(FocusColumns.CHARGE_DESCRIPTION, "H100 node, Zürich, per hour")
                .set(FocusColumns.BILLED_COST, new BigDecimal("-12.5"))
                // Half-even at 6 decimals: ...567|5 rounds to the even ...568, ...568|5 stays
                // ...568.
                .set(FocusColumns.LIST_COST, new BigDecimal("1.2345675"))
                .set(
                    FocusColumns.CHARGE_PERIOD_START,
                    Instant.parse("2026-04-27T13:45:30.123456789Z"))
                .set(FocusColumns.RESOURCE_TYPE, longText)
                // 20 integer digits: its unscaled value at scale 6 does not fit a long.
                .set(FocusColumns.CONSUMED_QUANTITY, new BigDecimal("12345678901234567890.5")));
    int second =
        rows.add(
            new Charge(ChargeRole.unattributed())
                .set(FocusColumns.LIST_COST, new BigDecimal("1.2345685")));

    assertThat(first).isZero();
    assertThat(second).isEqualTo(1);
    assertThat(rows.size()).isEqualTo(2);
    assertThat(cells(rows, 0))
        .containsExactly(
            "text H100 node, Zürich, per hour",
            "decimal -12.500000",
            "decimal 1.234568",
            "timestamp 2026-04-27T13:45:30.123456Z",
            "text " + longText,
            "decimal 12345678901234567890.500000");
    assertThat(cells(rows, 1))
        .containsExactly("none", "none", "decimal 1.234568", "none", "none", "none");
  }

  @Test
  void aRepeatedStringIsStoredOnceUntilItsColumnHasTooManyDistinctValues() {
    EncodedRows rows = new EncodedRows(COLUMNS);
    int limit = EncodedRows.DISTINCT_STRINGS_PER_COLUMN;
    for (int i = 0; i <= limit; i++) {
      rows.add(
          new Charge(ChargeRole.unattributed())
              .set(FocusColumns.CHARGE_DESCRIPTION, "resource-" + i)
              .set(FocusColumns.RESOURCE_TYPE, "Virtual Machine"));
    }

    // The same value in two rows is handed over as the very same bytes (Parquet then compares by
    // identity).
    assertThat(utf8Of(rows, 0, 4)).isSameAs(utf8Of(rows, limit, 4));
    assertThat(utf8Of(rows, 0, 0)).isNotSameAs(utf8Of(rows, 1, 0));
    // A shared string is its own array; past the column's first `limit` distinct values a string is
    // stored in the row itself, so it is handed over inside the (larger) storage array.
    assertThat(utf8Of(rows, limit - 1, 0)).hasSize("resource-4095".length());
    assertThat(utf8Of(rows, limit, 0).length).isGreaterThan("resource-4096".length());
    assertThat(cells(rows, limit - 1).get(0)).isEqualTo("text resource-" + (limit - 1));
    assertThat(cells(rows, limit))
        .containsExactly(
            "text resource-" + limit, "none", "none", "none", "text Virtual Machine", "none");
  }

  /** The array a record's string cell in {@code column} is handed over in. */
  private static byte[] utf8Of(EncodedRows rows, int record, int column) {
    byte[][] seen = new byte[1][];
    rows.read(
        record,
        new EncodedRows.Cells() {
          @Override
          public void none(int c) {}

          @Override
          public void text(int c, byte[] utf8, int offset, int length) {
            if (c == column) {
              seen[0] = utf8;
            }
          }

          @Override
          public void decimal(int c, byte[] unscaled, int offset, int length) {}

          @Override
          public void timestamp(int c, long micros) {}
        });
    return seen[0];
  }

  private static List<String> cells(EncodedRows rows, int record) {
    List<String> cells = new ArrayList<>();
    rows.read(
        record,
        new EncodedRows.Cells() {
          @Override
          public void none(int column) {
            cells.add("none");
          }

          @Override
          public void text(int column, byte[] utf8, int offset, int length) {
            cells.add("text " + new String(utf8, offset, length, StandardCharsets.UTF_8));
          }

          @Override
          public void decimal(int column, byte[] unscaled, int offset, int length) {
            cells.add("decimal " + EncodedRows.decimal(unscaled, offset, length).toPlainString());
          }

          @Override
          public void timestamp(int column, long micros) {
            cells.add("timestamp " + EncodedRows.instant(micros));
          }
        });
    assertThat(cells).hasSize(COLUMNS.size());
    return cells;
  }
}
