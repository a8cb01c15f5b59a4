package io.cloudshift.generate;

import static io.cloudshift.generate.SyntheticFixtures.generateCsv;
import static io.cloudshift.generate.SyntheticFixtures.header;
import static io.cloudshift.generate.SyntheticFixtures.options;
import static io.cloudshift.generate.SyntheticFixtures.readCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ComputeAccountRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The special rows of focus.md §2 and the FOCUS version differences are really in the files. */
class SyntheticSpecialRowsTest {
  @TempDir static Path root;
  private static final List<Map<String, String>> ROWS = new ArrayList<>();
  private static Set<String> labAccounts;

  @BeforeAll
  static void generate() throws IOException {
    CloudshiftConfig config = SyntheticFixtures.csvOnlyConfig();
    generateCsv(options(99, 2_000, root));
    labAccounts =
        config.attribution().computeAccounts().stream()
            .map(ComputeAccountRule::billingAccountId)
            .collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList()) {
        ROWS.addAll(readCsv(file));
      }
    }
  }

  @Test
  void taxAndMarketplaceRowsExistAlsoOnLabAccounts() {
    assertThat(ROWS).anyMatch(is("ChargeCategory", "Tax").and(onLabAccount()));
    assertThat(ROWS).anyMatch(is("ChargeCategory", "Tax").and(is("BillingCurrency", "EUR")));
    assertThat(ROWS)
        .anyMatch(is("PublisherName", "Red Hat Inc.").and(is("InvoiceIssuerName", "Microsoft")));
    assertThat(ROWS)
        .anyMatch(
            r ->
                !"Tax".equals(r.get("ChargeCategory"))
                    && onLabAccount().test(r)
                    && Set.of(
                            "Red Hat Inc.",
                            "Elastic N.V.",
                            "MongoDB, Inc.",
                            "Fortinet, Inc.",
                            "Canonical Ltd.")
                        .contains(r.get("PublisherName")));
  }

  @Test
  void creditsCorrectionsAndNegativeUsageExist() {
    assertThat(ROWS).anyMatch(is("ChargeCategory", "Credit").and(negative()).and(onLabAccount()));
    assertThat(ROWS)
        .anyMatch(
            is("ChargeClass", "Correction")
                .and(onLabAccount())
                .and(
                    r ->
                        r.get("ChargePeriodStart")
                                .substring(0, 7)
                                .compareTo(r.get("BillingPeriodStart").substring(0, 7))
                            < 0));
    assertThat(ROWS)
        .anyMatch(
            is("ChargeCategory", "Usage")
                .and(r -> r.get("ChargeClass") == null)
                .and(negative())
                .and(onLabAccount()));
  }

  @Test
  void commitmentPurchaseUsedAndUnusedRowsExist() {
    assertThat(ROWS)
        .anyMatch(
            is("ChargeCategory", "Purchase")
                .and(
                    r ->
                        new BigDecimal(r.get("BilledCost")).signum() > 0
                            && new BigDecimal(r.get("EffectiveCost")).signum() == 0));
    for (String status : List.of("Used", "Unused")) {
      assertThat(ROWS)
          .anyMatch(
              is("CommitmentDiscountStatus", status)
                  .and(
                      r ->
                          new BigDecimal(r.get("BilledCost")).signum() == 0
                              && new BigDecimal(r.get("EffectiveCost")).signum() > 0));
    }
  }

  @Test
  void resaleRowsAreFirstPartyAndNameTheModel() {
    assertThat(ROWS)
        .anyMatch(
            is("ServiceName", "Azure OpenAI Service")
                .and(is("PublisherName", "Microsoft"))
                .and(r -> r.get("SkuMeter").matches("(GPT|o[0-9]|gpt).* (Input|Output) Tokens")));
    assertThat(ROWS)
        .anyMatch(is("ServiceName", "Vertex AI").and(r -> r.get("SkuMeter").startsWith("Claude")));
    assertThat(ROWS)
        .anyMatch(
            is("ServiceName", "Generative AI")
                .and(r -> r.get("ChargeDescription").startsWith("Grok")));
    assertThat(ROWS)
        .anyMatch(
            is("ServiceCategory", "Compute")
                .and(onLabAccount())
                .and(
                    r -> r.get("SkuMeter") != null && r.get("SkuMeter").startsWith("Standard_ND")));
  }

  @Test
  void eachExportHasItsFocusVersion() {
    List<String> oci = header(file("oci-focus"));
    List<String> azure = header(file("azure-focus"));
    List<String> coreweave = header(file("coreweave-focus"));
    assertThat(oci)
        .contains("BilledCost", "ChargeClass", "ProviderName")
        .doesNotContain("InvoiceId", "SkuMeter", "PricingCurrency", "ServiceSubcategory");
    assertThat(azure).contains("InvoiceId", "SkuMeter", "ServiceSubcategory", "x_BillingProfileId");
    assertThat(azure.indexOf("x_BillingProfileId")).isGreaterThan(azure.indexOf("Tags"));
    assertThat(coreweave)
        .containsSubsequence(
            "ProviderName", "PublisherName", "ServiceProviderName", "HostProviderName");
    assertThat(ROWS).anyMatch(r -> r.get("AvailabilityZone") != null);
    assertThat(ROWS).anyMatch(r -> "Coho Winery \"Reserve\"".equals(r.get("BillingAccountName")));
    assertThat(ROWS)
        .allMatch(r -> !"".equals(r.get("BillingAccountId")) && r.get("BillingAccountId") != null);
  }

  private static Path file(String export) {
    return root.resolve(export + "/billing_period=2026-01/" + export + "-2026-01.csv.gz");
  }

  private static Predicate<Map<String, String>> is(String column, String value) {
    return row -> value.equals(row.get(column));
  }

  private static Predicate<Map<String, String>> onLabAccount() {
    return row -> labAccounts.contains(row.get("BillingAccountId"));
  }

  private static Predicate<Map<String, String>> negative() {
    return row -> row.get("BilledCost").matches("-[0-9.]+");
  }
}
