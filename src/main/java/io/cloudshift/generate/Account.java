package io.cloudshift.generate;

import java.util.List;
import java.util.Optional;

/**
 * A billing account in a synthetic export: a lab's compute account (lab present) or an ordinary
 * customer. Its currency is the BillingCurrency of every row it is billed.
 */
record Account(
    String billingAccountId,
    String billingAccountName,
    String currency,
    List<SubAccount> subAccounts,
    Optional<String> lab) {

  /**
   * A sub-account (subscription, linked account, project, compartment) under the billing account.
   */
  record SubAccount(String id, String name) {}
}
