package io.cloudshift.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.Path;

/**
 * Gzipped CSV as providers deliver it: UTF-8 without BOM, a header row, LF line ends, RFC 4180
 * quoting, empty cells for nulls. The bytes depend only on the rows: the gzip header carries no
 * file name and a zero modification time, so the same seed gives byte-identical files. A bad row is
 * written as the row it copies with its damaged cell's raw text in place of the value.
 */
final class CsvExportWriter implements ExportFileWriter {
  private final OutputFiles files;

  CsvExportWriter(OutputFiles files) {
    this.files = files;
  }

  @Override
  public void write(Path target, FileRows rows) {
    List<String> header = rows.columns().stream().map(FocusColumn::name).toList();
    try (OutputStream raw = files.create(target);
        GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
        Writer out =
            new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16)) {
      out.write(CsvFormat.line(header));
      Texts texts = new Texts(header.size());
      for (int position = 0; position < rows.size(); position++) {
        rows.read(position, texts);
        BadRows.Kind bad = rows.badKind(position);
        if (bad != null && header.contains(bad.column)) {
          texts.cells[header.indexOf(bad.column)] = bad.text;
        }
        out.write(CsvFormat.line(Arrays.asList(texts.cells)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The cells of one row as CSV text (null for an empty cell). */
  private static final class Texts implements EncodedRows.Cells {
    private final String[] cells;

    Texts(int columns) {
      this.cells = new String[columns];
    }

    @Override
    public void none(int column) {
      cells[column] = null;
    }

    @Override
    public void text(int column, byte[] utf8, int offset, int length) {
      cells[column] = new String(utf8, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public void decimal(int column, byte[] unscaled, int offset, int length) {
      cells[column] = CsvFormat.decimal(EncodedRows.decimal(unscaled, offset, length));
    }

    @Override
    public void timestamp(int column, long micros) {
      cells[column] = CsvFormat.timestamp(EncodedRows.instant(micros));
    }
  }
}
