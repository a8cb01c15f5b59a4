package io.cloudshift.generate;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.ComputeAccountRule;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.FocusColumns;
import io.cloudshift.schema.Stream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The configured attribution rules (docs/methodology.md#attribution) as the generator reads them:
 * which lab accounts exist, which resale rule a lab's model charges must match, and, to check the
 * generator's own output, which lab and stream a charge resolves to. Compute accounts are tried
 * first, then resale rules in configuration order.
 */
final class AttributionRules {
  /** A lab and revenue stream a charge is attributed to. */
  record Attribution(String lab, Stream stream) {}

  /** Every column {@link InForce#attribute} reads; its result depends on nothing else. */
  static final List<String> COLUMNS_READ =
      List.of(
          FocusColumns.BILLING_ACCOUNT_ID,
          FocusColumns.SUB_ACCOUNT_ID,
          FocusColumns.SERVICE_NAME,
          FocusColumns.SKU_ID,
          FocusColumns.SKU_METER,
          FocusColumns.CHARGE_DESCRIPTION);

  private record CompiledResale(
      ResaleRule rule, Optional<Pattern> pattern, String serviceNameLower) {
    /** True when the SKU pattern (if any) finds a match in one of the texts. */
    boolean skuMatches(String... texts) {
      if (pattern.isEmpty()) {
        return true;
      }
      for (String text : texts) {
        if (text != null && pattern.get().matcher(text).find()) {
          return true;
        }
      }
      return false;
    }
  }

  private final List<ComputeAccountRule> computeAccounts;
  private final List<CompiledResale> resaleRules;

  AttributionRules(AttributionConfig config) {
    this.computeAccounts = config.computeAccounts();
    List<CompiledResale> compiled = new ArrayList<>();
    for (ResaleRule rule : config.resaleRules()) {
      compiled.add(
          new CompiledResale(
              rule,
              rule.skuPattern().map(Pattern::compile),
              rule.serviceName().toLowerCase(Locale.ROOT)));
    }
    this.resaleRules = List.copyOf(compiled);
  }

  /** The lab compute accounts at a provider that are valid in the month, in configuration order. */
  List<ComputeAccountRule> computeAccounts(String provider, YearMonth month) {
    return computeAccounts.stream()
        .filter(r -> r.provider().equals(provider) && valid(r.validFrom(), r.validTo(), month))
        .toList();
  }

  /** Every billing account id configured for any lab at the provider (whatever its validity). */
  List<String> labAccountIds(String provider) {
    return computeAccounts.stream()
        .filter(r -> r.provider().equals(provider))
        .map(ComputeAccountRule::billingAccountId)
        .toList();
  }

  /** The first resale rule selling the lab's models at the provider in the month. */
  Optional<ResaleRule> resaleRule(String provider, String lab, YearMonth month) {
    return resaleRules.stream()
        .map(CompiledResale::rule)
        .filter(
            r ->
                r.provider().equals(provider)
                    && r.lab().equals(lab)
                    && valid(r.validFrom(), r.validTo(), month))
        .findFirst();
  }

  /** True when the rule's SKU pattern (if any) finds a match in one of the texts. */
  boolean skuMatches(ResaleRule rule, String... texts) {
    return resaleRules.stream()
        .filter(c -> c.rule().equals(rule))
        .findFirst()
        .map(c -> c.skuMatches(texts))
        .orElse(true);
  }

  /**
   * The rules in force at a provider in a month, resolved once so that checking every row of a file
   * is cheap.
   */
  InForce inForce(String provider, YearMonth month) {
    List<CompiledResale> resale =
        resaleRules.stream()
            .filter(
                c ->
                    c.rule().provider().equals(provider)
                        && valid(c.rule().validFrom(), c.rule().validTo(), month))
            .toList();
    return new InForce(computeAccounts(provider, month), resale);
  }

  /** The compute accounts and resale rules of one provider and month, in configuration order. */
  static final class InForce {
    private final List<ComputeAccountRule> computeAccounts;
    private final List<CompiledResale> resaleRules;

    private InForce(List<ComputeAccountRule> computeAccounts, List<CompiledResale> resaleRules) {
      this.computeAccounts = computeAccounts;
      this.resaleRules = resaleRules;
    }

    /**
     * Where the rules put a row, given the text of its cells ({@code cell} returns null for a
     * column the file does not have): a lab compute account, a resale rule, or nowhere.
     */
    Optional<Attribution> attribute(Function<String, String> cell) {
      String account = cell.apply(FocusColumns.BILLING_ACCOUNT_ID);
      String subAccount = cell.apply(FocusColumns.SUB_ACCOUNT_ID);
      for (ComputeAccountRule rule : computeAccounts) {
        boolean subMatches = rule.subAccountId().map(s -> s.equals(subAccount)).orElse(true);
        if (rule.billingAccountId().equals(account) && subMatches) {
          return Optional.of(new Attribution(rule.lab(), Stream.COMPUTE));
        }
      }
      String service = cell.apply(FocusColumns.SERVICE_NAME);
      if (service == null) {
        return Optional.empty();
      }
      String serviceLower = service.toLowerCase(Locale.ROOT);
      for (CompiledResale compiled : resaleRules) {
        if (compiled.serviceNameLower().equals(serviceLower)
            && compiled.skuMatches(
                cell.apply(FocusColumns.SKU_ID),
                cell.apply(FocusColumns.SKU_METER),
                cell.apply(FocusColumns.CHARGE_DESCRIPTION))) {
          return Optional.of(new Attribution(compiled.rule().lab(), Stream.RESALE));
        }
      }
      return Optional.empty();
    }
  }

  private static boolean valid(Optional<YearMonth> from, Optional<YearMonth> to, YearMonth month) {
    return from.map(f -> !month.isBefore(f)).orElse(true)
        && to.map(t -> !month.isAfter(t)).orElse(true);
  }
}
