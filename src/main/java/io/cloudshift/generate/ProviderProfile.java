package io.cloudshift.generate;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What a provider's synthetic export looks like: its identifier style, regions, the GPU nodes labs
 * rent (by generation), the AI service and storage lines of lab accounts, what ordinary customers
 * buy, marketplace offers, commitment labels and account types. Data only: no money.
 */
record ProviderProfile(
    String providerId,
    ProviderStyle style,
    List<Region> regions,
    List<Sku> gpuSkus,
    Optional<Sku> labAiSku,
    Sku labStorageSku,
    List<Sku> customerSkus,
    List<MarketplaceOffer> marketplaceOffers,
    String commitmentType,
    String commitmentCategory,
    String billingAccountType,
    String subAccountType,
    boolean hasEuroCustomer) {

  /** GPU nodes sold in the month; the oldest generation if none is (months before the catalog). */
  List<Sku> gpuSkusIn(YearMonth month) {
    List<Sku> available = gpuSkus.stream().filter(s -> s.availableIn(month)).toList();
    return available.isEmpty() ? List.of(gpuSkus.get(0)) : available;
  }
}
