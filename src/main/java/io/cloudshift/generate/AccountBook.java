package io.cloudshift.generate;

import io.cloudshift.config.ComputeAccountRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The billing accounts of one provider's export: the labs' compute accounts exactly as configured,
 * and a fixed pool of ordinary (fictional) customers whose ids never collide with a lab account.
 * Built from the configuration alone, so account ids and names are the same in every run.
 */
final class AccountBook {
  static final String EURO_CUSTOMER = "Lucerne Publishing GmbH";

  private static final List<String> CUSTOMERS =
      List.of(
          "Contoso Ltd",
          "Fabrikam, Inc.",
          "Northwind Traders",
          "Woodgrove Bank",
          "Tailspin Toys",
          "Adventure Works Cycles",
          "Litware Inc.",
          "Proseware, Inc.",
          "Fourth Coffee",
          "Wide World Importers",
          "Alpine Ski House",
          // A double quote in a value exercises RFC 4180 "" escaping.
          "Coho Winery \"Reserve\"",
          "Trey Research",
          "Margie's Travel");

  /** Legal names of the labs' billing accounts (illustrative). */
  private static final Map<String, String> LAB_ACCOUNT_NAMES =
      Map.of(
          "OpenAI", "OpenAI OpCo, LLC",
          "Anthropic", "Anthropic, PBC",
          "Mistral", "Mistral AI SAS",
          "xAI", "X.AI Corp.",
          "Cohere", "Cohere Inc.",
          "Meta", "Meta Platforms, Inc.");

  private final ProviderProfile profile;
  private final List<Account> usdCustomers;
  private final Optional<Account> euroCustomer;

  AccountBook(ProviderProfile profile, List<String> labAccountIds) {
    this.profile = profile;
    Set<String> taken = new HashSet<>(labAccountIds);
    List<Account> customers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (profile.style() == ProviderStyle.COREWEAVE) {
      // Microsoft was 62% of CoreWeave's 2024 revenue (public-facts N05): an ordinary customer
      // there.
      names.add("Microsoft Corporation");
    }
    names.addAll(CUSTOMERS);
    int index = 0;
    for (String name : names) {
      String id = nextFreeId(taken, index, name);
      index++;
      customers.add(account(id, name, "USD"));
    }
    this.usdCustomers = List.copyOf(customers);
    this.euroCustomer =
        profile.hasEuroCustomer()
            ? Optional.of(account(nextFreeId(taken, 90, EURO_CUSTOMER), EURO_CUSTOMER, "EUR"))
            : Optional.empty();
  }

  List<Account> usdCustomers() {
    return usdCustomers;
  }

  /** The one ordinary customer billed in EUR (multi-currency), where the provider has one. */
  Optional<Account> euroCustomer() {
    return euroCustomer;
  }

  /** The configured lab account, with the configured sub-account if the rule names one. */
  Account labAccount(ComputeAccountRule rule) {
    String name = LAB_ACCOUNT_NAMES.getOrDefault(rule.lab(), rule.lab() + " (lab account)");
    List<Account.SubAccount> subs =
        rule.subAccountId()
            .map(
                id ->
                    List.of(
                        new Account.SubAccount(
                            id, ProviderStyle.slug(rule.lab()) + "-" + ProviderStyle.slug(id))))
            .orElseGet(
                () -> profile.style().subAccounts(rule.billingAccountId(), rule.lab(), true));
    return new Account(rule.billingAccountId(), name, "USD", subs, Optional.of(rule.lab()));
  }

  private String nextFreeId(Set<String> taken, int start, String name) {
    int index = start;
    String id = profile.style().customerAccountId(profile.providerId(), index, name);
    while (taken.contains(id)) {
      index += 1000;
      id = profile.style().customerAccountId(profile.providerId(), index, name + index);
    }
    taken.add(id);
    return id;
  }

  private Account account(String id, String name, String currency) {
    return new Account(
        id, name, currency, profile.style().subAccounts(id, name, false), Optional.empty());
  }
}
