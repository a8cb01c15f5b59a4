package io.cloudshift.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Turns the rows of a file (each written as its position in {@link FileRows}) into Parquet records
 * with the types Spark reads back as a provider's typed export: decimal(38,6) money and quantities
 * (16-byte fixed-length two's complement, as Spark writes precision 38), timestamps in microseconds
 * adjusted to UTC (Spark's TimestampType), UTF-8 strings otherwise. Every column is optional; a
 * null cell is simply not written. Strings are handed to Parquet in place, without copying.
 */
final class FileRowsWriteSupport extends WriteSupport<Integer> implements EncodedRows.Cells {
  static final int DECIMAL_PRECISION = 38;

  /** Bytes of a decimal(38, s) in Parquet: the fewest that hold 10^38 − 1 in two's complement. */
  private static final int DECIMAL_BYTES = 16;

  private final FileRows rows;
  private final String[] names;
  private final MessageType schema;
  private final byte[] fixedWidth = new byte[DECIMAL_BYTES];
  private RecordConsumer consumer;

  FileRowsWriteSupport(FileRows rows) {
    this.rows = rows;
    this.names = rows.columns().stream().map(FocusColumn::name).toArray(String[]::new);
    this.schema = schema(rows.columns());
  }

  /** The Parquet schema of a file with these columns, in this order. */
  static MessageType schema(List<FocusColumn> columns) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (FocusColumn column : columns) {
      switch (column.type()) {
        case DECIMAL ->
            message
                .optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                .length(DECIMAL_BYTES)
                .as(LogicalTypeAnnotation.decimalType(EncodedRows.SCALE, DECIMAL_PRECISION))
                .named(column.name());
        case TIMESTAMP ->
            message
                .optional(PrimitiveTypeName.INT64)
                .as(
                    LogicalTypeAnnotation.timestampType(
                        true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(column.name());
        case STRING ->
            message
                .optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column.name());
      }
    }
    return message.named("focus_export");
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Integer position) {
    consumer.startMessage();
    rows.read(position, this);
    consumer.endMessage();
  }

  @Override
  public void none(int column) {
    // An optional field that is absent is null.
  }

  @Override
  public void text(int column, byte[] utf8, int offset, int length) {
    consumer.startField(names[column], column);
    consumer.addBinary(Binary.fromConstantByteArray(utf8, offset, length));
    consumer.endField(names[column], column);
  }

  @Override
  public void decimal(int column, byte[] unscaled, int offset, int length) {
    if (length > DECIMAL_BYTES) {
      throw new IllegalArgumentException(
          EncodedRows.decimal(unscaled, offset, length)
              + " in "
              + names[column]
              + " does not fit decimal(38,6)");
    }
    // Sign-extended to the fixed width, in a buffer Parquet is told it may not keep (it copies what
    // it retains).
    Arrays.fill(fixedWidth, 0, DECIMAL_BYTES - length, unscaled[offset] < 0 ? (byte) -1 : 0);
    System.arraycopy(unscaled, offset, fixedWidth, DECIMAL_BYTES - length, length);
    consumer.startField(names[column], column);
    consumer.addBinary(Binary.fromReusedByteArray(fixedWidth));
    consumer.endField(names[column], column);
  }

  @Override
  public void timestamp(int column, long micros) {
    consumer.startField(names[column], column);
    consumer.addLong(micros);
    consumer.endField(names[column], column);
  }
}
