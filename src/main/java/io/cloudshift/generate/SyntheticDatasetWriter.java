package io.cloudshift.generate;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.config.ProviderConfig;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the whole synthetic dataset: for every export with a fixed provider one file per billing
 * month, then the planted truth and the README. Files are independent (each has its own random
 * source), so they are generated and written on {@code threads} threads; their row counts, bad rows
 * and revenue are merged in export and month order, so the truth does not depend on the threads.
 */
final class SyntheticDatasetWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticDatasetWriter.class);

  /** What one export needs to generate any of its months. */
  private record Export(
      ExportConfig config,
      String providerId,
      String firstParty,
      ProviderProfile profile,
      ExportLayout layout,
      AccountBook accounts,
      Path directory,
      ExportFileWriter writer) {}

  /** What was written for one export month: the truth's share of it. */
  private record WrittenFile(
      Export export,
      YearMonth month,
      String relativePath,
      int rows,
      List<TruthFiles.BadRow> badRows,
      RevenueLedger ledger) {}

  private final CloudshiftConfig config;
  private final GeneratorOptions options;
  private final OutputFiles files;
  private final int threads;
  private final ExportFileWriter csvWriter;
  private final ExportFileWriter parquetWriter;

  SyntheticDatasetWriter(
      CloudshiftConfig config, GeneratorOptions options, OutputFiles files, int threads) {
    this.config = config;
    this.options = options;
    this.files = files;
    this.threads = threads;
    this.csvWriter = new CsvExportWriter(files);
    this.parquetWriter = new ParquetExportWriter(files);
  }

  /** Writes the dataset under {@code root}, a new folder (GeneratedFolder's staging folder). */
  GenerateResult write(Path root) {
    Calibration calibration = Calibration.publicFacts();
    AttributionRules rules = new AttributionRules(config.attribution());
    // A multi-provider export (the FinOps sample) has no single provider to generate for.
    List<ExportConfig> configured =
        config.exports().stream().filter(e -> e.provider().isPresent()).toList();
    if (configured.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot generate: no export in the configuration has a fixed provider (declare one under"
              + " cloudshift.exports)");
    }
    BadRows badRows = new BadRows(options, configured);
    ExportMonthGenerator generator =
        new ExportMonthGenerator(options, calibration, rules, badRows, configured.size());
    List<Export> exports = configured.stream().map(e -> export(e, rules, root)).toList();
    List<Callable<WrittenFile>> tasks = new ArrayList<>();
    for (Export export : exports) {
      for (YearMonth month = options.firstMonth();
          !month.isAfter(options.lastMonth());
          month = month.plusMonths(1)) {
        YearMonth fileMonth = month;
        tasks.add(() -> writeFile(export, fileMonth, generator));
      }
    }

    Totals totals = new Totals();
    new InOrderExecutor(threads).run(tasks, totals::add);

    Path truth = new Path(root, TruthFiles.DIRECTORY);
    new TruthFiles(files, truth)
        .write(totals.ledger, calibration, options, totals.bad, totals.counts);
    files.writeText(
        new Path(root, "README.md"),
        new SyntheticReadme(options, calibration, totals.ledger, totals.summaries, totals.bad)
            .render());
    LOG.info("Planted truth in {}; {} rows in {} files", truth, totals.rows, totals.counts.size());
    return new GenerateResult(totals.rows, totals.counts.size(), root.toString(), truth.toString());
  }

  private Export export(ExportConfig export, AttributionRules rules, Path root) {
    String providerId = export.provider().get();
    ProviderConfig provider = config.provider(providerId);
    String firstParty =
        provider.firstPartyNames().isEmpty() ? provider.name() : provider.firstPartyNames().get(0);
    ProviderProfile profile = ProviderProfiles.forProvider(providerId);
    ExportFileWriter writer =
        export.format() == ExportConfig.Format.PARQUET ? parquetWriter : csvWriter;
    return new Export(
        export,
        providerId,
        firstParty,
        profile,
        ExportLayout.forProvider(providerId),
        new AccountBook(profile, rules.labAccountIds(providerId)),
        new Path(root, export.id()),
        writer);
  }

  /**
   * Generates and writes one export month; runs on any thread, touching nothing shared but the
   * output.
   */
  private WrittenFile writeFile(Export export, YearMonth month, ExportMonthGenerator generator) {
    ExportMonth file =
        new ExportMonth(
            export.config(),
            export.providerId(),
            export.firstParty(),
            export.profile(),
            export.layout(),
            month,
            StableHash.randomFor(options.seed(), export.config().id(), month));
    ExportMonthGenerator.GeneratedFile generated = generator.generate(file, export.accounts());
    FileRows rows = generated.rows();
    export.writer().write(new Path(export.directory(), file.relativePath()), rows);
    List<TruthFiles.BadRow> bad = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      BadRows.Kind kind = rows.badKind(i);
      if (kind != null) {
        // Line 1 is the header, so data row i is on line i + 2.
        bad.add(
            new TruthFiles.BadRow(
                export.config().id(),
                file.relativePath(),
                i + 2,
                kind.column,
                kind.text,
                kind.reason.name()));
      }
    }
    return new WrittenFile(
        export, month, file.relativePath(), rows.size(), bad, generated.ledger());
  }

  /** The truth's inputs, merged from the written files in export and month order. */
  private final class Totals {
    private final RevenueLedger ledger = new RevenueLedger();
    private final List<TruthFiles.BadRow> bad = new ArrayList<>();
    private final List<TruthFiles.RowCount> counts = new ArrayList<>();
    private final List<ExportSummary> summaries = new ArrayList<>();
    private long rows;
    private long exportRows;
    private int exportBad;
    private int exportFiles;

    void add(WrittenFile file) {
      String id = file.export().config().id();
      ledger.addAll(file.ledger());
      bad.addAll(file.badRows());
      counts.add(new TruthFiles.RowCount(id, file.relativePath(), file.rows()));
      rows += file.rows();
      exportRows += file.rows();
      exportBad += file.badRows().size();
      exportFiles++;
      if (file.month().equals(options.lastMonth())) {
        Export export = file.export();
        LOG.info(
            "Generated {}: {} files, {} rows ({} bad)", id, exportFiles, exportRows, exportBad);
        summaries.add(
            new ExportSummary(
                id,
                export.providerId(),
                export.config().format(),
                export.layout(),
                exportFiles,
                exportRows,
                exportBad));
        exportRows = 0;
        exportBad = 0;
        exportFiles = 0;
      }
    }
  }
}
