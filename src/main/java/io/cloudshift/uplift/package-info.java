/**
 * docs/methodology.md#uplift Uplift (counterfactual)": {@code uplift_monthly} and {@code
 * uplift_quarterly}.
 *
 * <p>Classes: {@link io.cloudshift.uplift.UpliftFormulas} (every formula, once), {@link
 * io.cloudshift.uplift.UpliftMonthly} and {@link io.cloudshift.uplift.UpliftQuarterly} (pure
 * transformations), {@link io.cloudshift.uplift.LabRevenueMonthly} (LabRevenue(L, m)), {@link
 * io.cloudshift.uplift.UpliftJob} (I/O edge, and the headline for the run summary).
 *
 * <p>Decisions, in one list:
 *
 * <ul>
 *   <li><b>Events</b> are {@link io.cloudshift.terms.TermEvents}: one per lab × provider × month in
 *       which a version starts; versions starting in the same month are one event, its old terms
 *       those in force the month before (null for a first deal: no shares, g0 = 1, q0 = 0, no cap);
 *       {@code event_id} is the record in force in the event month.
 *   <li><b>Rows</b>: per event × stream × model in which the provider is in the lab's {@code
 *       lab_provider_monthly} grid, every grid month m ≥ d to the last month of data — also past
 *       the next terms change of the pair ({@code next_event_month}; cut there to avoid counting a
 *       later change twice). A stream in which the provider never earned from the lab has no rows
 *       (its uplift would be identically 0).
 *   <li><b>Baseline</b>: grid months in [d − w0, d), w0 = {@code windows.baseline-months}; s0 = Σ R
 *       / Σ T (null when Σ T ≤ 0), T0 = Σ T / n, {@code baseline_months} = n. With s0 null (no
 *       baseline month, e.g. an event in the first month of data, or Σ T ≤ 0) every counterfactual
 *       column is null — N_cf, U, N_pre, the three effects (margin too, so the decomposition is all
 *       or nothing) and s*; N_act stays.
 *   <li><b>Terms</b>: each event's p0/p1 (and q0/q1, C0/C1) apply to all its rows, not the terms in
 *       force month by month; a null p or q counts as 0; g = 1 for compute. The event month counts
 *       only its part after the change ({@link io.cloudshift.terms.EventMonthSplit}), N_pre scaled
 *       by f (docs/methodology.md#terms-by-the-instant).
 *   <li><b>Models</b> ({@link io.cloudshift.uplift.CounterfactualShares}): frozen, trend and
 *       control counterfactual shares s_cf replace s0 in N_cf, N_pre, the effects and s*; a model
 *       without a share says why in {@code model_note} (docs/methodology.md#counterfactual-models).
 *   <li><b>Exactness</b>: money {@code decimal(38,12)}, fractions {@code decimal(38,18)}; each
 *       product or quotient exact then rounded once half-even; the effects are differences of the
 *       rounded N_act, N_cf, N_pre and R·g0, so the identities of docs/methodology.md#uplift hold
 *       exactly.
 *   <li><b>Inbound share</b>: its own rows, {@code stream = 'inbound'}, when q0 or q1 is non-zero,
 *       the same under every model; every calendar month from d to the last month of data; N_act =
 *       I(q1, C1), N_cf = I(q0, C0), U = their difference, the event month's actual path split by
 *       time; "paid so far" runs under each terms from d (each cap whole at d); LabRevenue null
 *       (before the lab's first figure) makes I null; worked in USD, then converted.
 *   <li><b>Quarters</b>: calendar ({@code 2026Q2}) and the provider's fiscal ({@code FY26Q4}, year
 *       named by its end); money columns are exact sums, null when any month of the quarter is
 *       null; share = Σ R / Σ T; event constants repeated; cap left after the quarter's last month.
 * </ul>
 */
package io.cloudshift.uplift;
