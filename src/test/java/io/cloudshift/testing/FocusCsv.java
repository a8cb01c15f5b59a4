package io.cloudshift.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds small FOCUS CSV files for tests: a valid 1.2-style row by default, with any column
 * overridden or removed, written with the line ending, BOM and compression a test asks for.
 */
public final class FocusCsv {
  private final List<String> columns = new ArrayList<>();
  private final List<Map<String, String>> rows = new ArrayList<>();

  public static FocusCsv focus12() {
    FocusCsv csv = new FocusCsv();
    csv.columns.addAll(
        List.of(
            "BilledCost",
            "EffectiveCost",
            "ListCost",
            "ContractedCost",
            "BillingAccountId",
            "BillingAccountName",
            "SubAccountId",
            "SubAccountName",
            "BillingCurrency",
            "BillingPeriodStart",
            "BillingPeriodEnd",
            "ChargePeriodStart",
            "ChargePeriodEnd",
            "ChargeCategory",
            "ChargeClass",
            "ChargeDescription",
            "ServiceCategory",
            "ServiceSubcategory",
            "ServiceName",
            "SkuId",
            "SkuMeter",
            "ResourceType",
            "RegionId",
            "InvoiceIssuerName",
            "ProviderName",
            "PublisherName",
            "InvoiceId"));
    return csv;
  }

  /**
   * A clean Usage row billed in 2024-09 on account "acct-1"; override cells with key/value pairs.
   */
  public FocusCsv row(String... overrides) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("BilledCost", "10.5");
    row.put("EffectiveCost", "10.5");
    row.put("ListCost", "12");
    row.put("ContractedCost", "11");
    row.put("BillingAccountId", "acct-1");
    row.put("BillingAccountName", "Account One");
    row.put("SubAccountId", "sub-1");
    row.put("SubAccountName", "Sub One");
    row.put("BillingCurrency", "USD");
    row.put("BillingPeriodStart", "2024-09-01T00:00:00Z");
    row.put("BillingPeriodEnd", "2024-10-01T00:00:00Z");
    row.put("ChargePeriodStart", "2024-09-10T00:00:00Z");
    row.put("ChargePeriodEnd", "2024-09-11T00:00:00Z");
    row.put("ChargeCategory", "Usage");
    row.put("ChargeClass", "");
    row.put("ChargeDescription", "General purpose VM");
    row.put("ServiceCategory", "Compute");
    row.put("ServiceSubcategory", "Virtual Machines");
    row.put("ServiceName", "Virtual Machines");
    row.put("SkuId", "D4s_v5");
    row.put("SkuMeter", "D4s v5");
    row.put("ResourceType", "Virtual machine");
    row.put("RegionId", "eastus");
    row.put("InvoiceIssuerName", "Microsoft");
    row.put("ProviderName", "Microsoft");
    row.put("PublisherName", "Microsoft");
    row.put("InvoiceId", "INV-1");
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      if (!columns.contains(overrides[i])) {
        throw new IllegalArgumentException("unknown column " + overrides[i]);
      }
      row.put(overrides[i], overrides[i + 1]);
    }
    rows.add(row);
    return this;
  }

  public FocusCsv renameColumn(String from, String to) {
    columns.set(columns.indexOf(from), to);
    for (Map<String, String> r : rows) {
      r.put(to, r.remove(from));
    }
    return this;
  }

  public FocusCsv dropColumn(String column) {
    columns.remove(column);
    return this;
  }

  public String text(String lineEnding) {
    StringBuilder out =
        new StringBuilder(String.join(",", columns.stream().map(FocusCsv::quote).toList()))
            .append(lineEnding);
    for (Map<String, String> r : rows) {
      out.append(String.join(",", columns.stream().map(c -> quote(r.getOrDefault(c, ""))).toList()))
          .append(lineEnding);
    }
    return out.toString();
  }

  public Path write(Path file) throws IOException {
    return writeText(file, text("\n"));
  }

  public static Path writeText(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (file.toString().endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(bytes);
      }
    } else {
      Files.write(file, bytes);
    }
    return file;
  }

  private static String quote(String value) {
    return value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
