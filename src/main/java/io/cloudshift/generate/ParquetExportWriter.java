package io.cloudshift.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * One typed Parquet file per export month, the way a provider's Parquet export arrives (column
 * types in {@link FileRowsWriteSupport}), written with parquet-hadoop straight to the target path:
 * a Spark job per file cost more than generating its rows and shipped every row inside the task.
 * Compressed with zstd, which Spark, DuckDB and pyarrow read and which keeps the committed sample
 * about 10% smaller than snappy.
 */
final class ParquetExportWriter implements ExportFileWriter {
  private final OutputFiles files;

  ParquetExportWriter(OutputFiles files) {
    this.files = files;
  }

  @Override
  public void write(Path target, FileRows rows) {
    try (ParquetWriter<Integer> writer =
        new Builder(new Target(files, target), new FileRowsWriteSupport(rows))
            .withConf(files.configuration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .build()) {
      for (int position = 0; position < rows.size(); position++) {
        writer.write(position);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
    private final FileRowsWriteSupport writeSupport;

    Builder(OutputFile file, FileRowsWriteSupport writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(Configuration configuration) {
      return writeSupport;
    }
  }

  /**
   * The target path as a Parquet output, opened through {@link OutputFiles} (any Hadoop file
   * system, no .crc files).
   */
  private record Target(OutputFiles files, Path path) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return HadoopStreams.wrap(files.create(path));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return path.toString();
    }
  }
}
