package io.cloudshift.generate;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The labs' models that providers resell, with the months they are sold in (release dates rounded
 * to the month; illustrative, not from public-facts.md). Every name carries its brand (Claude,
 * Mistral, Cohere, Grok) so the configured sku-patterns recognise it; OpenAI charges are recognised
 * by service name on Azure and by the "openai." SKU prefix on Bedrock.
 */
final class ModelCatalog {
  /**
   * One model: display name, the vendor prefix of Bedrock/OCI-style SKU ids, months on sale, price
   * per 1M input tokens.
   */
  record Model(
      String name, String vendor, YearMonth from, YearMonth to, String inputPricePerMillion) {
    boolean soldIn(YearMonth month) {
      return !month.isBefore(from) && !month.isAfter(to);
    }
  }

  private static final Map<String, List<Model>> MODELS =
      Map.of(
          "OpenAI",
          List.of(
              m("GPT-3.5 Turbo", "openai", "2023-01", "2024-12", "0.50"),
              m("GPT-4", "openai", "2023-03", "2024-12", "30.00"),
              m("GPT-4 Turbo", "openai", "2023-11", "2025-03", "10.00"),
              m("GPT-4o", "openai", "2024-05", null, "2.50"),
              m("GPT-4o mini", "openai", "2024-07", null, "0.15"),
              m("o1", "openai", "2024-12", null, "15.00"),
              m("o3", "openai", "2025-04", null, "2.00"),
              m("GPT-4.1", "openai", "2025-04", null, "2.00"),
              m("GPT-5", "openai", "2025-08", null, "1.25"),
              m("gpt-oss-120b", "openai", "2025-08", null, "0.15")),
          "Anthropic",
          List.of(
              m("Claude Instant", "anthropic", "2023-01", "2024-03", "0.80"),
              m("Claude 2", "anthropic", "2023-07", "2024-06", "8.00"),
              m("Claude 3 Haiku", "anthropic", "2024-03", null, "0.25"),
              m("Claude 3 Opus", "anthropic", "2024-03", "2025-06", "15.00"),
              m("Claude 3.5 Sonnet", "anthropic", "2024-06", "2025-10", "3.00"),
              m("Claude 3.7 Sonnet", "anthropic", "2025-02", null, "3.00"),
              m("Claude Sonnet 4", "anthropic", "2025-05", null, "3.00"),
              m("Claude Opus 4.1", "anthropic", "2025-08", null, "15.00"),
              m("Claude Sonnet 4.5", "anthropic", "2025-09", null, "3.00"),
              m("Claude Opus 4.5", "anthropic", "2025-11", null, "5.00")),
          "Mistral",
          List.of(
              m("Mistral Large", "mistral", "2024-02", null, "2.00"),
              m("Mistral Small", "mistral", "2024-02", null, "0.20"),
              m("Mistral 7B", "mistral", "2024-02", "2025-06", "0.15"),
              m("Mistral Nemo", "mistral", "2024-07", null, "0.15"),
              m("Mistral Medium 3", "mistral", "2025-05", null, "0.40")),
          "Cohere",
          List.of(
              m("Cohere Command", "cohere", "2024-01", "2024-12", "1.00"),
              m("Cohere Embed", "cohere", "2024-01", null, "0.10"),
              m("Cohere Command R", "cohere", "2024-03", null, "0.15"),
              m("Cohere Command R+", "cohere", "2024-04", null, "2.50"),
              m("Cohere Command A", "cohere", "2025-03", null, "2.50")),
          "xAI",
          List.of(
              m("Grok 3", "xai", "2025-06", null, "3.00"),
              m("Grok 3 Mini", "xai", "2025-06", null, "0.30"),
              m("Grok 4", "xai", "2025-07", null, "3.00")));

  private ModelCatalog() {}

  /**
   * The lab's models on sale in the month whose name passes {@code accepted}; when none is on sale
   * (months outside the catalog) every accepted model, so a calibrated amount is never dropped.
   */
  static List<Model> modelsOf(String lab, YearMonth month, Predicate<Model> accepted) {
    List<Model> all =
        MODELS.getOrDefault(
            lab, List.of(m(lab + " Model", ProviderStyle.slug(lab), "2000-01", null, "1.00")));
    List<Model> sold = all.stream().filter(accepted).filter(model -> model.soldIn(month)).toList();
    return sold.isEmpty() ? all.stream().filter(accepted).toList() : sold;
  }

  private static Model m(String name, String vendor, String from, String to, String price) {
    return new Model(
        name,
        vendor,
        YearMonth.parse(from),
        to == null ? Sku.ALWAYS_TO : YearMonth.parse(to),
        price);
  }
}
