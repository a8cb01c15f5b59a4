package io.cloudshift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.FocusRules;
import io.cloudshift.config.ProviderConfig;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.testing.SparkTestSession;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ChargeClassifierTest {
  private static final List<ProviderConfig> PROVIDERS =
      List.of(
          new ProviderConfig(
              "aws",
              "Amazon Web Services",
              1,
              List.of("AWS", "Amazon Web Services, Inc.", "Amazon Web Services EMEA SARL")));

  private static FocusRules rules(boolean taxCounts, boolean marketplaceCounts) {
    return new FocusRules(
        List.of("NULL"),
        taxCounts,
        marketplaceCounts,
        List.of("AI and Machine Learning"),
        List.of("(?i)\\b(p4d|p5)\\.", "(?i)\\bH100\\b"),
        List.of("USD"),
        YearMonth.of(2010, 1),
        YearMonth.of(2040, 12));
  }

  private static List<Row> classify(FocusRules rules) {
    var charges =
        SparkTestSession.get()
            .sql(
                "SELECT * FROM VALUES (1, 'aws', 'Usage', 'Compute', 'p5.48xlarge', null, null,"
                    + " null, 'Amazon Web Services, Inc.', 'Amazon Web Services, Inc.',"
                    + " 'unattributed'),(2, 'aws', 'Tax', 'Other', null, null, 'VAT', null, 'Amazon"
                    + " Web Services, Inc.', 'Amazon Web Services, Inc.', 'unattributed'),"
                    // A third party's product invoiced by AWS: marketplace.
                    + "(3, 'aws', 'Usage', 'Compute', 'rhel', null, null, null, 'Red Hat Inc.',"
                    + " 'Amazon Web Services, Inc.', 'unattributed'),"
                    // An AWS subsidiary seller is first party, even when another AWS entity issues
                    // the invoice.
                    + "(4, 'aws', 'Usage', 'Storage', 's3', null, null, null, 'Amazon Web Services"
                    + " EMEA SARL', 'Amazon Web Services, Inc.', 'unattributed'),"
                    // A lab's model sold through the marketplace is the provider's resale revenue.
                    + "(5, 'aws', 'Usage', 'AI and Machine Learning', null, 'Claude', null, null,"
                    + " 'Anthropic', 'Amazon Web Services, Inc.', 'resale'),(6, 'aws', 'Usage',"
                    + " 'Compute', null, null, '8x H100 node', null, null, null, 'compute') AS"
                    + " t(id, provider, charge_category, service_category, sku_id, sku_meter,"
                    + " charge_description, resource_type, seller_name, invoice_issuer_name,"
                    + " stream)")
            .withColumn(ChargeColumns.SERVICE_NAME, org.apache.spark.sql.functions.lit("any"));
    var matched =
        new SkuRuleMatches(rules, new AttributionConfig("v", List.of(), List.of()))
            .withMatches(charges);
    return new ChargeClassifier(rules, PROVIDERS).classify(matched).orderBy("id").collectAsList();
  }

  private static String flags(Row r) {
    return (r.<Boolean>getAs(ChargeColumns.IS_TAX) ? "T" : "-")
        + (r.<Boolean>getAs(ChargeColumns.IS_MARKETPLACE) ? "M" : "-")
        + (r.<Boolean>getAs(ChargeColumns.IS_AI_WORKLOAD) ? "A" : "-")
        + (r.<Boolean>getAs(ChargeColumns.COUNTS_AS_REVENUE) ? "R" : "-");
  }

  @Test
  void taxAndMarketplaceAreNotRevenueByDefault() {
    assertThat(classify(rules(false, false)))
        .extracting(ChargeClassifierTest::flags)
        .containsExactly("--AR", "T---", "-M--", "---R", "-MAR", "--AR");
  }

  @Test
  void bothExclusionsCanBeSwitchedOff() {
    assertThat(classify(rules(true, true)))
        .extracting(ChargeClassifierTest::flags)
        .containsExactly("--AR", "T--R", "-M-R", "---R", "-MAR", "--AR");
  }
}
