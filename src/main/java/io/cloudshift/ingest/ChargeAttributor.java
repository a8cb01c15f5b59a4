package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.ComputeAccountRule;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Stream;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Resolves each charge's lab and revenue stream from the configured rules
 * (docs/methodology.md#attribution). A lab's own billing account makes a charge compute, whatever
 * it buys; otherwise a resale rule (provider + service name + SKU pattern, matched by {@link
 * SkuRuleMatches}) makes it resale; otherwise it stays {@code unattributed}: the provider's other
 * revenue, not an error. The first matching rule of a kind wins.
 */
public final class ChargeAttributor {
  private static final String ATTRIBUTION = "_attribution";

  private final AttributionConfig attribution;

  public ChargeAttributor(AttributionConfig attribution) {
    this.attribution = attribution;
  }

  /** {@code parsed} must carry {@link SkuRuleMatches}' columns. */
  public Dataset<Row> attribute(Dataset<Row> parsed) {
    List<Match> matches = new ArrayList<>();
    for (ComputeAccountRule r : attribution.computeAccounts()) {
      Column when =
          col(Columns.PROVIDER)
              .equalTo(r.provider())
              .and(col(ChargeColumns.BILLING_ACCOUNT_ID).equalTo(r.billingAccountId()))
              .and(
                  r.subAccountId()
                      .map(s -> col(ChargeColumns.SUB_ACCOUNT_ID).equalTo(s))
                      .orElse(lit(true)))
              .and(validity(r.validFrom(), r.validTo()));
      matches.add(new Match(when, r.lab(), Stream.COMPUTE, r.ruleId()));
    }
    List<ResaleRule> resale = attribution.resaleRules();
    for (int i = 0; i < resale.size(); i++) {
      ResaleRule r = resale.get(i);
      Column when = col(SkuRuleMatches.resaleMatch(i)).and(validity(r.validFrom(), r.validTo()));
      matches.add(new Match(when, r.lab(), Stream.RESALE, r.ruleId()));
    }
    // One flat CASE for the three answers: the first matching rule of the list wins.
    Column answer = null;
    for (Match m : matches) {
      Column value =
          struct(
              lit(m.lab()).as(Columns.LAB),
              lit(m.stream().value()).as(Columns.STREAM),
              lit(m.ruleId()).as(ChargeColumns.ATTRIBUTION_RULE_ID));
      answer = answer == null ? when(m.when(), value) : answer.when(m.when(), value);
    }
    Column unattributed =
        struct(
            lit(null).cast(DataTypes.StringType).as(Columns.LAB),
            lit(Stream.UNATTRIBUTED.value()).as(Columns.STREAM),
            lit(null).cast(DataTypes.StringType).as(ChargeColumns.ATTRIBUTION_RULE_ID));
    answer = answer == null ? unattributed : answer.otherwise(unattributed);
    return parsed
        .withColumn(ATTRIBUTION, answer)
        .withColumn(Columns.LAB, col(ATTRIBUTION + "." + Columns.LAB))
        .withColumn(Columns.STREAM, col(ATTRIBUTION + "." + Columns.STREAM))
        .withColumn(
            ChargeColumns.ATTRIBUTION_RULE_ID,
            col(ATTRIBUTION + "." + ChargeColumns.ATTRIBUTION_RULE_ID))
        .withColumn(ChargeColumns.ATTRIBUTION_VERSION, lit(attribution.version()))
        .drop(ATTRIBUTION);
  }

  private record Match(Column when, String lab, Stream stream, String ruleId) {}

  /** Rules may be limited to billing months [valid-from, valid-to], both inclusive. */
  private static Column validity(Optional<YearMonth> from, Optional<YearMonth> to) {
    Column month = col(ChargeColumns.BILLING_MONTH);
    Column ok = lit(true);
    if (from.isPresent()) {
      ok = ok.and(month.geq(lit(Date.valueOf(from.get().atDay(1)))));
    }
    if (to.isPresent()) {
      ok = ok.and(month.leq(lit(Date.valueOf(to.get().atDay(1)))));
    }
    return ok;
  }
}
