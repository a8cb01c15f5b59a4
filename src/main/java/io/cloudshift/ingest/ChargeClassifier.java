package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.config.FocusRules;
import io.cloudshift.config.ProviderConfig;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Stream;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Flags what kind of charge a parsed row is (docs/methodology.md#billing-charges-focus): Tax,
 * third-party marketplace, AI workload, and whether it counts as provider revenue. Runs after
 * attribution, because a resale rule that matches overrides the marketplace flag: the provider
 * invoices the lab's models and pays the lab its share through the resale terms, so the charge is
 * the provider's resale revenue.
 */
public final class ChargeClassifier {
  private final FocusRules rules;
  private final Collection<ProviderConfig> providers;

  public ChargeClassifier(FocusRules rules, Collection<ProviderConfig> providers) {
    this.rules = rules;
    this.providers = providers;
  }

  /** {@code attributed} must carry {@link SkuRuleMatches}' columns. */
  public Dataset<Row> classify(Dataset<Row> attributed) {
    Column isTax = coalesce(col(ChargeColumns.CHARGE_CATEGORY).equalTo("Tax"), lit(false));
    Column isMarketplace = thirdPartySeller();
    Column isResale = coalesce(col(Columns.STREAM).equalTo(Stream.RESALE.value()), lit(false));
    Column countsAsRevenue =
        lit(true)
            .and(rules.taxCountsAsRevenue() ? lit(true) : isTax.unary_$bang())
            .and(
                rules.marketplaceCountsAsRevenue()
                    ? lit(true)
                    : isMarketplace.unary_$bang().or(isResale));
    return attributed
        .withColumn(ChargeColumns.IS_TAX, isTax)
        .withColumn(ChargeColumns.IS_MARKETPLACE, isMarketplace)
        .withColumn(
            ChargeColumns.IS_AI_WORKLOAD, coalesce(col(SkuRuleMatches.AI_WORKLOAD), lit(false)))
        .withColumn(ChargeColumns.COUNTS_AS_REVENUE, countsAsRevenue);
  }

  /**
   * A seller that is neither the invoice issuer nor one of the provider's own names (the
   * validator's BilledCost-C-005 approximation, with the provider's subsidiaries allowed).
   */
  private Column thirdPartySeller() {
    Column seller = col(ChargeColumns.SELLER_NAME);
    Column firstParty = lit(false);
    for (ProviderConfig p : providers) {
      if (!p.firstPartyNames().isEmpty()) {
        firstParty =
            firstParty.or(
                col(Columns.PROVIDER)
                    .equalTo(p.id())
                    .and(seller.isin(p.firstPartyNames().toArray())));
      }
    }
    Column differs =
        seller
            .isNotNull()
            .and(seller.notEqual(coalesce(col(ChargeColumns.INVOICE_ISSUER_NAME), seller)));
    return coalesce(differs.and(coalesce(firstParty, lit(false)).unary_$bang()), lit(false));
  }
}
