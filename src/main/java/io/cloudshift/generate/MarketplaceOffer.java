package io.cloudshift.generate;

/**
 * A third-party product sold through the provider's marketplace: invoiced by the provider, but
 * published (1.0-1.2) or sold (1.3 ServiceProviderName) by someone else, so not provider revenue.
 */
record MarketplaceOffer(String publisher, Sku sku) {}
