package io.cloudshift.generate;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.config.ProviderConfig;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the whole synthetic dataset: for every export with a fixed provider one file per billing
 * month, then the planted truth and the README. Spark is needed only for Parquet exports, which is
 * why the Parquet writer is passed in (tests of the CSV path run without Spark).
 */
final class SyntheticDatasetWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticDatasetWriter.class);

  private final CloudshiftConfig config;
  private final GeneratorOptions options;
  private final OutputFiles files;
  private final ExportFileWriter csvWriter;
  private final ExportFileWriter parquetWriter;

  SyntheticDatasetWriter(CloudshiftConfig config, GeneratorOptions options, OutputFiles files, ExportFileWriter parquetWriter) {
    this.config = config;
    this.options = options;
    this.files = files;
    this.csvWriter = new CsvExportWriter(files);
    this.parquetWriter = parquetWriter;
  }

  GenerateResult write() {
    Calibration calibration = Calibration.publicFacts();
    AttributionRules rules = new AttributionRules(config.attribution());
    // A multi-provider export (the FinOps sample) has no single provider to generate for.
    List<ExportConfig> exports = config.exports().stream().filter(e -> e.provider().isPresent()).toList();
    if (exports.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot generate: no export in the configuration has a fixed provider (declare one under cloudshift.exports)");
    }
    BadRows badRows = new BadRows(options, exports);
    ExportMonthGenerator generator = new ExportMonthGenerator(options, calibration, rules, badRows, exports.size());
    RevenueLedger ledger = new RevenueLedger();
    List<TruthFiles.BadRow> bad = new ArrayList<>();
    List<TruthFiles.RowCount> counts = new ArrayList<>();
    List<ExportSummary> summaries = new ArrayList<>();
    long rowsWritten = 0;
    int filesWritten = 0;

    for (ExportConfig export : exports) {
      String providerId = export.provider().get();
      ProviderConfig provider = config.provider(providerId);
      String firstParty = provider.firstPartyNames().isEmpty() ? provider.name() : provider.firstPartyNames().get(0);
      ProviderProfile profile = ProviderProfiles.forProvider(providerId);
      ExportLayout layout = ExportLayout.forProvider(providerId);
      AccountBook accounts = new AccountBook(profile, rules.labAccountIds(providerId));
      Path directory = exportDirectory(export);
      ExportFileWriter writer = export.format() == ExportConfig.Format.PARQUET ? parquetWriter : csvWriter;
      // Regenerating replaces the export's whole directory, so no month of an earlier run survives.
      files.deleteRecursively(directory);
      long exportRows = 0;
      int exportBad = 0;
      int exportFiles = 0;
      for (YearMonth month = options.firstMonth(); !month.isAfter(options.lastMonth()); month = month.plusMonths(1)) {
        ExportMonth file =
            new ExportMonth(export, providerId, firstParty, profile, layout, month,
                StableHash.randomFor(options.seed(), export.id(), month));
        List<Charge> rows = generator.generate(file, accounts);
        writer.write(new Path(directory, file.relativePath()), layout.columns(), rows);
        for (int i = 0; i < rows.size(); i++) {
          Charge row = rows.get(i);
          ledger.record(providerId, month, row);
          if (row.corruptedColumn() != null) {
            // Line 1 is the header, so data row i is on line i + 2.
            bad.add(new TruthFiles.BadRow(export.id(), file.relativePath(), i + 2, row.corruptedColumn(),
                row.corruptedText(), BadRows.reasonFor(row.corruptedColumn()).name()));
            exportBad++;
          }
        }
        counts.add(new TruthFiles.RowCount(export.id(), file.relativePath(), rows.size()));
        exportRows += rows.size();
        exportFiles++;
      }
      LOG.info("Generated {}: {} files, {} rows ({} bad) in {}", export.id(), exportFiles, exportRows, exportBad, directory);
      summaries.add(new ExportSummary(export.id(), providerId, export.format(), layout, directory.toString(), exportFiles, exportRows, exportBad));
      rowsWritten += exportRows;
      filesWritten += exportFiles;
    }

    Path root = new Path(options.outputRoot());
    Path truth = new Path(root, TruthFiles.DIRECTORY);
    new TruthFiles(files, truth).write(ledger, options, bad, counts);
    files.writeText(new Path(root, "README.md"), new SyntheticReadme(options, calibration, ledger, summaries, bad).render());
    LOG.info("Planted truth in {}; {} rows in {} files", truth, rowsWritten, filesWritten);
    return new GenerateResult(rowsWritten, filesWritten, options.outputRoot(), truth.toString());
  }

  /**
   * With the default output root an export goes where the configuration says it is read from
   * (conf/cloudshift.conf points its exports at datasets/focus/&lt;id&gt;); with any other root it goes
   * to &lt;outputRoot&gt;/&lt;export id&gt;.
   */
  private Path exportDirectory(ExportConfig export) {
    return options.usesDefaultOutputRoot() ? new Path(export.path()) : new Path(options.outputRoot(), export.id());
  }
}
