package io.cloudshift.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The provider's other revenue: ordinary customers (not labs, matching no resale rule) buying
 * compute, storage, databases, networking, analytics, other companies' models and monitoring. This
 * is the {@code unattributed} stream (docs/methodology.md#attribution).
 */
final class CustomerCharges {
  private CustomerCharges() {}

  static void add(
      ChargeFactory factory,
      BigDecimal amount,
      List<Account> customers,
      int rows,
      Consumer<Charge> out) {
    if (amount.signum() <= 0 || customers.isEmpty()) {
      return;
    }
    ExportMonth file = factory.file();
    for (BigDecimal part : AmountSplitter.split(amount, rows, file.random())) {
      Sku sku = file.pick(file.profile().customerSkus());
      BigDecimal discount =
          file.random().nextInt(3) == 0 ? file.fraction(0.80, 1.00) : BigDecimal.ONE;
      Charge charge = factory.forAccount(file.pick(customers), ChargeRole.unattributed());
      out.accept(factory.usage(charge, sku, part, discount));
    }
  }
}
