package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.ComputeAccountRule;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Stream;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Resolves each charge's lab and revenue stream from the configured rules (SPEC §2.2). A lab's own
 * billing account makes a charge compute, whatever it buys; otherwise a resale rule (provider +
 * service name + SKU pattern) makes it resale; otherwise it stays {@code unattributed}: the
 * provider's other revenue, not an error. The first matching rule of a kind wins.
 */
public final class ChargeAttributor {
  private final AttributionConfig attribution;

  public ChargeAttributor(AttributionConfig attribution) {
    this.attribution = attribution;
  }

  public Dataset<Row> attribute(Dataset<Row> parsed) {
    List<Match> matches = new ArrayList<>();
    for (ComputeAccountRule r : attribution.computeAccounts()) {
      Column when = col(ChargeColumns.PROVIDER).equalTo(r.provider())
          .and(col(ChargeColumns.BILLING_ACCOUNT_ID).equalTo(r.billingAccountId()))
          .and(r.subAccountId().map(s -> col(ChargeColumns.SUB_ACCOUNT_ID).equalTo(s)).orElse(lit(true)))
          .and(validity(r.validFrom(), r.validTo()));
      matches.add(new Match(when, r.lab(), Stream.COMPUTE, r.ruleId()));
    }
    for (ResaleRule r : attribution.resaleRules()) {
      Column when = col(ChargeColumns.PROVIDER).equalTo(r.provider())
          .and(lower(col(ChargeColumns.SERVICE_NAME)).equalTo(r.serviceName().toLowerCase(Locale.ROOT)))
          .and(r.skuPattern().map(ChargeAttributor::skuMatches).orElse(lit(true)))
          .and(validity(r.validFrom(), r.validTo()));
      matches.add(new Match(when, r.lab(), Stream.RESALE, r.ruleId()));
    }
    Column lab = lit(null).cast(DataTypes.StringType);
    Column stream = lit(Stream.UNATTRIBUTED.value());
    Column ruleId = lit(null).cast(DataTypes.StringType);
    for (int i = matches.size() - 1; i >= 0; i--) {
      Match m = matches.get(i);
      Column hit = coalesce(m.when(), lit(false));
      lab = when(hit, lit(m.lab())).otherwise(lab);
      stream = when(hit, lit(m.stream().value())).otherwise(stream);
      ruleId = when(hit, lit(m.ruleId())).otherwise(ruleId);
    }
    return parsed
        .withColumn(ChargeColumns.LAB, lab)
        .withColumn(ChargeColumns.STREAM, stream)
        .withColumn(ChargeColumns.ATTRIBUTION_RULE_ID, ruleId)
        .withColumn(ChargeColumns.ATTRIBUTION_VERSION, lit(attribution.version()));
  }

  private record Match(Column when, String lab, Stream stream, String ruleId) {}

  private static Column skuMatches(String pattern) {
    return coalesce(col(ChargeColumns.SKU_ID).rlike(pattern), lit(false))
        .or(coalesce(col(ChargeColumns.SKU_METER).rlike(pattern), lit(false)))
        .or(coalesce(col(ChargeColumns.CHARGE_DESCRIPTION).rlike(pattern), lit(false)));
  }

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
