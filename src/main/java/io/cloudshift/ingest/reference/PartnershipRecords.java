package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.PartnershipColumns.AGREEMENT;
import static io.cloudshift.schema.PartnershipColumns.ANNOUNCED_DATE;
import static io.cloudshift.schema.PartnershipColumns.COMMITMENT_TERM_YEARS;
import static io.cloudshift.schema.PartnershipColumns.COMMITTED_SPEND_USD;
import static io.cloudshift.schema.PartnershipColumns.CONFIDENCE_VALUES;
import static io.cloudshift.schema.PartnershipColumns.EFFECTIVE_TO;
import static io.cloudshift.schema.PartnershipColumns.EQUITY_STAKE;
import static io.cloudshift.schema.PartnershipColumns.EXCLUSIVITY_VALUES;
import static io.cloudshift.schema.PartnershipColumns.FACT_IDS;
import static io.cloudshift.schema.PartnershipColumns.INPUT;
import static io.cloudshift.schema.PartnershipColumns.INVESTMENT_USD;
import static io.cloudshift.schema.PartnershipColumns.LAB_SHARE_CAP_USD;
import static io.cloudshift.schema.PartnershipColumns.OTHER_SOURCE_URLS;
import static io.cloudshift.schema.PartnershipColumns.RECORD_ID;
import static io.cloudshift.schema.PartnershipColumns.REQUIRED;
import static io.cloudshift.schema.PartnershipColumns.SHARE;
import static io.cloudshift.schema.PartnershipColumns.USD;
import static io.cloudshift.schema.PartnershipColumns.YEARS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.config.LabNames;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ReasonCode;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Validates curated partnership records (docs/methodology.md#partnership-records) and types the
 * ones that pass. One record is one agreement change between a lab and a provider; the SCD2 history
 * is built from the typed records by {@link TermsHistory} once {@link OverlappingTerms} has removed
 * conflicting ones.
 */
final class PartnershipRecords {
  private static final List<String> DATES =
      List.of(ANNOUNCED_DATE, Columns.EFFECTIVE_FROM, EFFECTIVE_TO);
  private static final List<String> AMOUNTS =
      List.of(LAB_SHARE_CAP_USD, COMMITTED_SPEND_USD, INVESTMENT_USD);
  private static final List<String> SHARES =
      List.of(Columns.RESALE_SHARE_TO_LAB, Columns.LAB_SHARE_TO_PROVIDER, EQUITY_STAKE);

  private final Rules rules;

  /**
   * @param providerIds the configured provider ids ({@code cloudshift.providers}): the only valid
   *     providers
   * @param labs the one spelling of each attributed lab, which the records' lab names are matched
   *     to
   */
  PartnershipRecords(List<String> providerIds, LabNames labs) {
    this.rules = rules(List.copyOf(providerIds), labs);
  }

  /** Every rule a record must pass, checks in reason-code priority order (docs/guarantees.md). */
  private static Rules rules(List<String> providerIds, LabNames labs) {
    return Rules.forColumns(INPUT)
        .parse(Columns.LAB, Parse.lab(labs))
        .parse(DATES, Parse::date)
        .parse(AMOUNTS, Parse.decimal(USD))
        .parse(SHARES, Parse.decimal(SHARE))
        .parse(COMMITMENT_TERM_YEARS, Parse.decimal(YEARS))
        .parse(Columns.EXCLUSIVITY, Parse.oneOf(EXCLUSIVITY_VALUES))
        .parse(Columns.CONFIDENCE, Parse.oneOf(CONFIDENCE_VALUES))
        .parse(Columns.PROVIDER, Parse.oneOf(providerIds))
        .parse(List.of(OTHER_SOURCE_URLS, FACT_IDS), Parse::list)
        .checkEach(REQUIRED, Check::required)
        .checkEach(DATES, Check::date)
        .checkEach(AMOUNTS, Check::number)
        .check(Check.number(COMMITMENT_TERM_YEARS))
        .check(
            Check.of(
                ReasonCode.BAD_NUMBER,
                RowValidator.typed(COMMITMENT_TERM_YEARS).leq(lit(0)),
                Check.quoted(COMMITMENT_TERM_YEARS, "is not a positive number of years")))
        .checkEach(SHARES, Check::share)
        .checkEach(AMOUNTS, Check::nonNegative)
        .check(Check.oneOf(Columns.EXCLUSIVITY, EXCLUSIVITY_VALUES))
        .check(Check.oneOf(Columns.CONFIDENCE, CONFIDENCE_VALUES))
        .check(Check.oneOf(Columns.PROVIDER, providerIds))
        // effective_to is exclusive (the first day the terms no longer apply): it must come after
        // the start.
        .check(
            Check.of(
                ReasonCode.BAD_PERIOD,
                RowValidator.typed(EFFECTIVE_TO).leq(RowValidator.typed(Columns.EFFECTIVE_FROM)),
                concat(
                    lit(EFFECTIVE_TO + "='"),
                    date_format(RowValidator.typed(EFFECTIVE_TO), "yyyy-MM-dd"),
                    lit("' is not after " + Columns.EFFECTIVE_FROM + "='"),
                    date_format(RowValidator.typed(Columns.EFFECTIVE_FROM), "yyyy-MM-dd"),
                    lit("' (effective_to is exclusive: the first day the terms no longer apply)"))))
        .build();
  }

  /**
   * The input with the parsed values, raw row, reason and row id columns of {@link RowValidator}.
   */
  Dataset<Row> validate(Dataset<Row> input) {
    return RowValidator.validate(input, rules);
  }

  /**
   * The accepted records, typed: the silver columns except the SCD2 ones, plus the row id and raw
   * row (needed if the record later turns out to overlap another). Revenue shares stay null when
   * not disclosed; downstream treats null as 0 (see {@link
   * io.cloudshift.schema.PartnershipColumns}).
   */
  Dataset<Row> typed(Dataset<Row> validated) {
    return RowValidator.accepted(validated)
        .select(
            col(RowValidator.ROW_ID),
            col(RowValidator.RAW),
            col(RECORD_ID),
            RowValidator.typed(Columns.LAB).as(Columns.LAB),
            RowValidator.typed(Columns.PROVIDER).as(Columns.PROVIDER),
            col(AGREEMENT),
            RowValidator.typed(ANNOUNCED_DATE).as(ANNOUNCED_DATE),
            RowValidator.typed(Columns.EFFECTIVE_FROM).as(Columns.EFFECTIVE_FROM),
            RowValidator.typed(EFFECTIVE_TO).as(EFFECTIVE_TO),
            RowValidator.typed(Columns.EXCLUSIVITY).as(Columns.EXCLUSIVITY),
            RowValidator.typed(Columns.RESALE_SHARE_TO_LAB).as(Columns.RESALE_SHARE_TO_LAB),
            RowValidator.typed(Columns.LAB_SHARE_TO_PROVIDER).as(Columns.LAB_SHARE_TO_PROVIDER),
            RowValidator.typed(LAB_SHARE_CAP_USD).as(LAB_SHARE_CAP_USD),
            RowValidator.typed(COMMITTED_SPEND_USD).as(COMMITTED_SPEND_USD),
            RowValidator.typed(COMMITMENT_TERM_YEARS).as(COMMITMENT_TERM_YEARS),
            RowValidator.typed(EQUITY_STAKE).as(EQUITY_STAKE),
            RowValidator.typed(INVESTMENT_USD).as(INVESTMENT_USD),
            col(Columns.SOURCE_URL),
            RowValidator.typed(OTHER_SOURCE_URLS).as(OTHER_SOURCE_URLS),
            RowValidator.typed(Columns.CONFIDENCE).as(Columns.CONFIDENCE),
            RowValidator.typed(FACT_IDS).as(FACT_IDS),
            col(Columns.NOTES));
  }
}
