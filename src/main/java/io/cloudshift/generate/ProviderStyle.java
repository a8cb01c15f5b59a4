package io.cloudshift.generate;

import io.cloudshift.generate.Account.SubAccount;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How a provider spells identifiers: billing accounts, sub-accounts, resource ids, invoice ids and
 * the SKU fields of model (token) charges. Only looks; money never depends on these.
 */
enum ProviderStyle {
  AZURE,
  AWS,
  GCP,
  OCI,
  COREWEAVE,
  GENERIC;

  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_HYPHENS = Pattern.compile("(^-|-$)");
  private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();

  /** An ordinary customer's billing account id, from a namespace no configured lab account uses. */
  String customerAccountId(String providerId, int index, String name) {
    return switch (this) {
      case AZURE -> "/providers/Microsoft.Billing/billingAccounts/" + (82_000_100 + index);
      // 12 digits with a leading zero, as AWS account ids often have: readers must keep them as
      // strings.
      case AWS -> String.format(Locale.ROOT, "%012d", 31_000_000_100L + index * 1_000_003L);
      case GCP ->
          String.format(Locale.ROOT, "01C0B2-%06X-%06X", 0xA10000 + index, 0x3F0000 + index * 17);
      case OCI -> "ocid1.tenancy.oc1..aaaacust" + String.format(Locale.ROOT, "%04d", index);
      case COREWEAVE -> "cw-org-" + slug(name);
      case GENERIC -> providerId + "-customer-" + index;
    };
  }

  /**
   * Two sub-accounts per account, derived from the account id so they are the same in every run.
   */
  List<SubAccount> subAccounts(String accountId, String accountName, boolean lab) {
    String first = lab ? "training" : "prod";
    String second = lab ? "inference" : "dev";
    return List.of(
        subAccount(accountId, accountName, first), subAccount(accountId, accountName, second));
  }

  private SubAccount subAccount(String accountId, String accountName, String purpose) {
    String key = accountId + "/" + purpose;
    String id =
        switch (this) {
          case AZURE -> "/subscriptions/" + uuid(key);
          case AWS -> StableHash.digits(key, 12);
          case GCP -> slug(accountName) + "-" + purpose + "-" + StableHash.digits(key, 4);
          case OCI -> "ocid1.compartment.oc1..aaaa" + StableHash.hex(key, 16);
          case COREWEAVE, GENERIC -> slug(accountName) + "-" + purpose;
        };
    return new SubAccount(id, slug(accountName) + "-" + purpose);
  }

  String resourceId(SubAccount sub, Sku sku, Region region, SplittableRandom random) {
    String suffix = Long.toHexString(random.nextLong() & 0xffffffffffL);
    String type = slug(sku.resourceType());
    boolean machine =
        sku.resourceType().toLowerCase(Locale.ROOT).startsWith("virtual machine")
            || sku.resourceType().equals("Instance");
    return switch (this) {
      case AZURE ->
          sub.id()
              + "/resourceGroups/rg-"
              + sub.name()
              + "/providers/"
              + (machine
                  ? "Microsoft.Compute/virtualMachineScaleSets/vmss-"
                  : "Microsoft.Resources/" + type + "/" + type + "-")
              + suffix;
      case AWS ->
          machine
              ? "arn:aws:ec2:" + region.id() + ":" + sub.id() + ":instance/i-0" + suffix
              : "arn:aws:"
                  + slug(sku.serviceName())
                  + ":"
                  + region.id()
                  + ":"
                  + sub.id()
                  + ":"
                  + type
                  + "/"
                  + suffix;
      case GCP ->
          "//"
              + slug(sku.serviceName()).replace("-", "")
              + ".googleapis.com/projects/"
              + sub.id()
              + "/locations/"
              + region.id()
              + "/"
              + type
              + "s/"
              + type
              + "-"
              + suffix;
      case OCI -> "ocid1." + type.replace("-", "") + ".oc1." + region.id() + ".anyhq" + suffix;
      case COREWEAVE ->
          "cw://"
              + sub.id()
              + "/"
              + region.id().toLowerCase(Locale.ROOT)
              + "/"
              + type
              + "/"
              + suffix;
      case GENERIC -> sub.id() + "/" + type + "/" + suffix;
    };
  }

  String invoiceId(String accountId, YearMonth month) {
    String prefix = name().substring(0, 1);
    return prefix + month.toString().replace("-", "") + "-" + StableHash.digits(accountId, 8);
  }

  /**
   * SkuMeter of a model charge, e.g. "GPT-4o Input Tokens", "Claude Sonnet 4.5 (Amazon Bedrock
   * Edition) Input Tokens".
   */
  String modelMeter(String model, String direction) {
    return switch (this) {
      case AWS -> model + " (Amazon Bedrock Edition) " + direction + " Tokens";
      default -> model + " " + direction + " Tokens";
    };
  }

  /**
   * SkuId of a model charge, always holding the model name; Bedrock and OCI ids carry the vendor
   * too ("anthropic.claude-sonnet-4-5-input").
   */
  String modelSkuId(String vendor, String model, String direction) {
    String dir = direction.toLowerCase(Locale.ROOT);
    return switch (this) {
      case AWS, OCI -> vendor + "." + slug(model) + "-" + dir;
      case GCP ->
          StableHash.hex(model + direction, 4).toUpperCase(Locale.ROOT)
              + "-"
              + StableHash.hex(direction + model, 4).toUpperCase(Locale.ROOT)
              + "-"
              + slug(model);
      default -> slug(model) + "-" + dir;
    };
  }

  /**
   * Lower-case letters and digits joined by single hyphens. Remembered per text: the texts are a
   * few catalog and configuration names, and slugs are needed for nearly every generated row.
   */
  static String slug(String text) {
    return SLUGS.computeIfAbsent(
        text,
        t -> {
          String hyphenated = NON_ALPHANUMERIC.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("-");
          return EDGE_HYPHENS.matcher(hyphenated).replaceAll("");
        });
  }

  private static String uuid(String key) {
    String h = StableHash.hex(key, 16) + StableHash.hex(key + "#", 16);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-a"
        + h.substring(17, 20)
        + "-"
        + h.substring(20, 32);
  }
}
