package io.cloudshift.shares;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.testing.ChargesMonthlyRows;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Small hand-made inputs of the shares stage: charges_monthly rows, partnership terms, providers.
 */
final class SharesFixtures {
  /** The bundled providers' fiscal calendars: Microsoft starts its year in July, Oracle in June. */
  static final List<ProviderConfig> PROVIDERS =
      List.of(
          new ProviderConfig("azure", "Microsoft Azure", 7, List.of()),
          new ProviderConfig("aws", "Amazon Web Services", 1, List.of()),
          new ProviderConfig("gcp", "Google Cloud", 1, List.of()),
          new ProviderConfig("oci", "Oracle Cloud Infrastructure", 6, List.of()),
          new ProviderConfig("coreweave", "CoreWeave", 1, List.of()));

  private SharesFixtures() {}

  static SparkSession spark() {
    return SparkTestSession.get();
  }

  /** charges_monthly rows. */
  static ChargesMonthlyRows monthly() {
    return new ChargesMonthlyRows();
  }

  /** Builds silver partnership_terms rows (SCD2 columns set by hand). */
  static final class Terms {
    private final List<Row> rows = new ArrayList<>();

    /**
     * validTo exclusive, null = open; p = resale_share_to_lab, q = lab_share_to_provider (null =
     * not disclosed).
     */
    Terms add(
        String recordId,
        String lab,
        String provider,
        String validFrom,
        String validTo,
        String exclusivity,
        String p,
        String q) {
      rows.add(
          RowFactory.create(
              lab,
              provider,
              Date.valueOf(validFrom),
              validTo == null ? null : Date.valueOf(validTo),
              validTo == null,
              rows.size() + 1,
              recordId,
              "test agreement",
              null,
              Date.valueOf(validFrom),
              null,
              exclusivity,
              p == null ? null : new BigDecimal(p),
              q == null ? null : new BigDecimal(q),
              null,
              null,
              null,
              null,
              null,
              "https://example.invalid/" + recordId,
              List.of(),
              "assumed",
              List.of(),
              null));
      return this;
    }

    Dataset<Row> build() {
      return spark().createDataFrame(rows, PartnershipTermsTable.SPEC.schema());
    }
  }

  static Terms terms() {
    return new Terms();
  }

  static Dataset<Row> noTerms() {
    return terms().build();
  }

  static Date date(String day) {
    return Date.valueOf(day);
  }

  static Date month(String month) {
    return Date.valueOf(month + "-01");
  }
}
