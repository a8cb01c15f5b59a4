package io.cloudshift.ingest;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.ComputeAccountRule;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.AttributionRulesTable;
import io.cloudshift.schema.Stream;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The silver {@code attribution} table: the configured rules as rows, stamped with their version,
 * so analysts can see which rule put a charge in a lab's stream ({@code
 * charges.attribution_rule_id}).
 */
public final class AttributionTable {
  private AttributionTable() {}

  public static Dataset<Row> rows(SparkSession spark, AttributionConfig attribution) {
    List<Row> rows = new ArrayList<>();
    for (ComputeAccountRule r : attribution.computeAccounts()) {
      rows.add(
          RowFactory.create(
              r.ruleId(),
              attribution.version(),
              Stream.COMPUTE.value(),
              r.provider(),
              r.lab(),
              r.billingAccountId(),
              r.subAccountId().orElse(null),
              null,
              null,
              month(r.validFrom()),
              month(r.validTo())));
    }
    for (ResaleRule r : attribution.resaleRules()) {
      rows.add(
          RowFactory.create(
              r.ruleId(),
              attribution.version(),
              Stream.RESALE.value(),
              r.provider(),
              r.lab(),
              null,
              null,
              r.serviceName(),
              r.skuPattern().orElse(null),
              month(r.validFrom()),
              month(r.validTo())));
    }
    return spark.createDataFrame(rows, AttributionRulesTable.SPEC.schema());
  }

  private static Date month(Optional<YearMonth> month) {
    return month.map(m -> Date.valueOf(m.atDay(1))).orElse(null);
  }
}
