package io.cloudshift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.ComputeAccountRule;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ChargeAttributorTest {
  private static final AttributionConfig RULES =
      new AttributionConfig(
          "v7",
          List.of(
              new ComputeAccountRule(
                  "compute-1",
                  "azure",
                  "acct-openai",
                  Optional.empty(),
                  "OpenAI",
                  Optional.empty(),
                  Optional.empty()),
              new ComputeAccountRule(
                  "compute-2",
                  "aws",
                  "acct-shared",
                  Optional.of("sub-anthropic"),
                  "Anthropic",
                  Optional.empty(),
                  Optional.empty()),
              new ComputeAccountRule(
                  "compute-3",
                  "gcp",
                  "acct-late",
                  Optional.empty(),
                  "Cohere",
                  Optional.of(YearMonth.of(2025, 1)),
                  Optional.empty())),
          List.of(
              new ResaleRule(
                  "resale-1",
                  "azure",
                  "Azure OpenAI Service",
                  Optional.empty(),
                  "OpenAI",
                  Optional.empty(),
                  Optional.empty()),
              new ResaleRule(
                  "resale-2",
                  "aws",
                  "Amazon Bedrock",
                  Optional.of("(?i)claude"),
                  "Anthropic",
                  Optional.empty(),
                  Optional.empty())));

  private static List<Row> attribute(String valuesSql) {
    Dataset<Row> charges =
        SparkTestSession.get()
            .sql(
                "SELECT id, provider, billing_account_id, sub_account_id, service_name, sku_id,"
                    + " sku_meter, charge_description, CAST(NULL AS STRING) AS service_category,"
                    + " CAST(NULL AS STRING) AS resource_type, CAST(billing_month AS DATE) AS"
                    + " billing_month FROM VALUES "
                    + valuesSql
                    + " AS t(id, provider, billing_account_id, sub_account_id, service_name,"
                    + " sku_id, sku_meter, charge_description, billing_month)");
    Dataset<Row> matched =
        new SkuRuleMatches(TestConfigs.bundled(Map.of()).focusRules(), RULES).withMatches(charges);
    return new ChargeAttributor(RULES).attribute(matched).orderBy("id").collectAsList();
  }

  @Test
  void computeAccountsResaleRulesAndTheRest() {
    List<Row> rows =
        attribute(
            String.join(
                ", ",
                "(1, 'azure', 'acct-openai', 's', 'Virtual Machines', 'ND96', null, null,"
                    + " '2024-09-01')",
                // The lab's own account wins even when it buys the provider's resale service.
                "(2, 'azure', 'acct-openai', 's', 'Azure OpenAI Service', null, null, null,"
                    + " '2024-09-01')",
                "(3, 'azure', 'cust-9', 's', 'azure openai service', null, 'GPT-4o Input Tokens',"
                    + " null, '2024-09-01')",
                "(4, 'aws', 'cust-9', 's', 'Amazon Bedrock', null, 'Claude Sonnet 4.5 Input', null,"
                    + " '2024-09-01')",
                "(5, 'aws', 'cust-9', 's', 'Amazon Bedrock', null, 'Llama 3 Input', null,"
                    + " '2024-09-01')",
                "(6, 'aws', 'acct-shared', 'sub-anthropic', 'Amazon EC2', 'p5.48xlarge', null,"
                    + " null, '2024-09-01')",
                "(7, 'aws', 'acct-shared', 'sub-other', 'Amazon EC2', 'p5.48xlarge', null, null,"
                    + " '2024-09-01')",
                // Same account id at another provider is another account.
                "(8, 'gcp', 'acct-openai', 's', 'Compute Engine', null, null, null, '2024-09-01')",
                "(9, 'gcp', 'acct-late', 's', 'Compute Engine', null, null, null, '2024-12-01')",
                "(10, 'gcp', 'acct-late', 's', 'Compute Engine', null, null, null, '2025-01-01')"));

    assertThat(rows)
        .extracting(
            r ->
                r.getAs(Columns.LAB)
                    + "/"
                    + r.getAs(Columns.STREAM)
                    + "/"
                    + r.getAs(ChargeColumns.ATTRIBUTION_RULE_ID))
        .containsExactly(
            "OpenAI/compute/compute-1",
            "OpenAI/compute/compute-1",
            "OpenAI/resale/resale-1",
            "Anthropic/resale/resale-2",
            "null/unattributed/null",
            "Anthropic/compute/compute-2",
            "null/unattributed/null",
            "null/unattributed/null",
            "null/unattributed/null",
            "Cohere/compute/compute-3");
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(r.<String>getAs(ChargeColumns.ATTRIBUTION_VERSION)).isEqualTo("v7"));
  }
}
