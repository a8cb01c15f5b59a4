package io.cloudshift.shares;

import static io.cloudshift.shares.SharesFixtures.date;
import static io.cloudshift.shares.SharesFixtures.month;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.terms.TermEvents;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenAI's compute (USD), data from Aug 2025 to Jan 2026:
 *
 * <pre>
 *   month     azure  aws  gcp |   T
 *   2025-08     90    10    - |  100
 *   2025-09    180    20    - |  200
 *   2025-10    270    30    - |  300
 *   2025-11    150    40   10 |  200
 *   2025-12    150    30   20 |  200
 *   2026-01    150    50    - |  200
 * </pre>
 *
 * and one resale month (azure 100 in Aug 2025). Terms, each from the first of its month so the
 * event month is whole (the split of a month by a change inside it has its own test): azure AZ1
 * from Aug 2025 (exclusive, p 0.20), AZ2 from Oct 2025 (rofr, p 0.10); aws AWS1 from Nov 2025; oci
 * OCI1 from Nov 2025 (never used); gcp GCP1 from Jan 2026; Cohere (no spend at all) from Nov 2025;
 * Meta-coreweave MET1 from Nov 2025.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareShiftEventsTest {
  private Dataset<Row> monthly;
  private Dataset<Row> lpm;
  private Dataset<Row> events;
  private Dataset<Row> shifts;

  @BeforeAll
  void compute() {
    monthly =
        SharesFixtures.monthly()
            .add("azure", "OpenAI", "compute", "2025-08", "90")
            .add("aws", "OpenAI", "compute", "2025-08", "10")
            .add("azure", "OpenAI", "compute", "2025-09", "180")
            .add("aws", "OpenAI", "compute", "2025-09", "20")
            .add("azure", "OpenAI", "compute", "2025-10", "270")
            .add("aws", "OpenAI", "compute", "2025-10", "30")
            .add("azure", "OpenAI", "compute", "2025-11", "150")
            .add("aws", "OpenAI", "compute", "2025-11", "40")
            .add("gcp", "OpenAI", "compute", "2025-11", "10")
            .add("azure", "OpenAI", "compute", "2025-12", "150")
            .add("aws", "OpenAI", "compute", "2025-12", "30")
            .add("gcp", "OpenAI", "compute", "2025-12", "20")
            .add("azure", "OpenAI", "compute", "2026-01", "150")
            .add("aws", "OpenAI", "compute", "2026-01", "50")
            .add("azure", "OpenAI", "resale", "2025-08", "100")
            // Meta: coreweave 10 of 10000 in Oct, then 11 of 10000 in Nov (+0.01 pp); aws 0 then 6
            // (+0.06 pp).
            .add("gcp", "Meta", "compute", "2025-10", "9990")
            .add("coreweave", "Meta", "compute", "2025-10", "10")
            .add("gcp", "Meta", "compute", "2025-11", "9983")
            .add("coreweave", "Meta", "compute", "2025-11", "11")
            .add("aws", "Meta", "compute", "2025-11", "6")
            .build();
    Dataset<Row> terms =
        SharesFixtures.terms()
            .add("AZ1", "OpenAI", "azure", "2025-08-01", "2025-10-01", "exclusive", "0.20", null)
            .add("AZ2", "OpenAI", "azure", "2025-10-01", null, "rofr", "0.10", null)
            .add("AWS1", "OpenAI", "aws", "2025-11-01", null, "none", null, null)
            .add("OCI1", "OpenAI", "oci", "2025-11-01", null, "none", null, null)
            .add("GCP1", "OpenAI", "gcp", "2026-01-01", null, "none", null, null)
            .add("COH1", "Cohere", "oci", "2025-11-01", null, "none", null, null)
            .add("MET1", "Meta", "coreweave", "2025-11-01", null, "none", null, null)
            .build();
    lpm = LabProviderMonthly.of(monthly, terms, SharesFixtures.PROVIDERS, "USD").cache();
    events = TermEvents.of(terms).cache();
    shifts = ShareShiftEvents.of(lpm, monthly, events, List.of(3)).cache();
  }

  @AfterAll
  void release() {
    shifts.unpersist();
    events.unpersist();
    lpm.unpersist();
  }

  private static Row row(Dataset<Row> table, String eventId, String stream, int window) {
    List<Row> rows =
        table
            .where(
                col("event_id")
                    .equalTo(eventId)
                    .and(col("stream").equalTo(stream))
                    .and(col("window_months").equalTo(window)))
            .collectAsList();
    assertThat(rows).as("%s %s w=%d", eventId, stream, window).hasSize(1);
    return rows.get(0);
  }

  private static BigDecimal dec(Row row, String column) {
    return row.getAs(column);
  }

  @Test
  void oneRowPerEventStreamAndWindowWhereTheLabSpent() {
    assertThat(shifts.columns())
        .containsExactlyElementsOf(ShareShiftEventsTable.SPEC.columnNames());
    // compute: AZ1, AZ2, AWS1, OCI1, GCP1, MET1; resale: AZ1, AZ2, AWS1, OCI1 (GCP1's windows
    // Oct-Dec and
    // Jan hold no resale spend: dropped; Meta has no resale); Cohere has no spend at all: no row.
    assertThat(shifts.count()).isEqualTo(10);
    assertThat(shifts.where(col("lab").equalTo("Cohere")).count()).isZero();
    assertThat(
            shifts
                .where(col("event_id").equalTo("GCP1").and(col("stream").equalTo("resale")))
                .count())
        .isZero();
  }

  @Test
  void handExampleWithAThreeMonthWindow() {
    Row aws = row(shifts, "AWS1", "compute", 3);
    assertThat(aws.<String>getAs("provider")).isEqualTo("aws");
    assertThat(aws.<java.sql.Date>getAs("event_month")).isEqualTo(month("2025-11"));
    assertThat(aws.<java.sql.Date>getAs("effective_from")).isEqualTo(date("2025-11-01"));
    assertThat(aws.<String>getAs("reporting_currency")).isEqualTo("USD");
    // pre = [Aug, Oct]: aws 10 + 20 + 30 = 60 of T 100 + 200 + 300 = 600 -> s_pre = 0.1.
    assertThat(aws.<Integer>getAs("months_pre")).isEqualTo(3);
    assertThat(dec(aws, "pre_revenue")).isEqualByComparingTo("60");
    assertThat(dec(aws, "pre_total")).isEqualByComparingTo("600");
    assertThat(dec(aws, "pre_avg_monthly_total")).isEqualByComparingTo("200");
    assertThat(dec(aws, "pre_share")).isEqualByComparingTo("0.1");
    // post = [Nov, Jan]: aws 40 + 30 + 50 = 120 of 600 -> s_post = 0.2; delta = (0.2 - 0.1) x 100 =
    // +10 pp.
    assertThat(aws.<Integer>getAs("months_post")).isEqualTo(3);
    assertThat(dec(aws, "post_revenue")).isEqualByComparingTo("120");
    assertThat(dec(aws, "post_total")).isEqualByComparingTo("600");
    assertThat(dec(aws, "post_share")).isEqualByComparingTo("0.2");
    assertThat(dec(aws, "delta_pp")).isEqualByComparingTo("10");
    // Gainers: aws +10 pp, gcp 0 -> 30/600 = 0.05: +5 pp; azure 0.9 -> 0.75 fell.
    assertThat(aws.<String>getAs("gainers")).isEqualTo("aws +10.0pp, gcp +5.0pp");
    assertThat(aws.<String>getAs("top_gainer")).isEqualTo("aws");
    assertThat(dec(aws, "top_gainer_delta_pp")).isEqualByComparingTo("10");
    // A first agreement: no old terms.
    assertThat(aws.<Object>getAs("old_terms_record_id")).isNull();
    assertThat(aws.<Object>getAs("old_exclusivity")).isNull();
    assertThat(aws.<String>getAs("new_exclusivity")).isEqualTo("none");
  }

  @Test
  void aProviderTheLabNeverUsedHasShareZero() {
    Row oci = row(shifts, "OCI1", "compute", 3);
    assertThat(dec(oci, "pre_revenue")).isEqualByComparingTo("0");
    assertThat(dec(oci, "pre_share")).isEqualByComparingTo("0");
    assertThat(dec(oci, "post_share")).isEqualByComparingTo("0");
    assertThat(dec(oci, "delta_pp")).isEqualByComparingTo("0");
    assertThat(oci.<String>getAs("gainers")).isEqualTo("aws +10.0pp, gcp +5.0pp");
  }

  @Test
  void anEventInTheFirstMonthOfDataHasNoPreWindow() {
    Row az1 = row(shifts, "AZ1", "compute", 3);
    assertThat(az1.<Integer>getAs("months_pre")).isZero();
    assertThat(az1.<Object>getAs("pre_total")).isNull();
    assertThat(az1.<Object>getAs("pre_revenue")).isNull();
    assertThat(az1.<Object>getAs("pre_share")).isNull();
    assertThat(az1.<Object>getAs("pre_avg_monthly_total")).isNull();
    // post = [Aug, Oct]: azure 90 + 180 + 270 = 540 of 600 = 0.9.
    assertThat(az1.<Integer>getAs("months_post")).isEqualTo(3);
    assertThat(dec(az1, "post_share")).isEqualByComparingTo("0.9");
    assertThat(az1.<Object>getAs("delta_pp")).isNull();
    assertThat(az1.<Object>getAs("gainers")).isNull();
    assertThat(az1.<Object>getAs("top_gainer")).isNull();
    assertThat(az1.<String>getAs("new_exclusivity")).isEqualTo("exclusive");
    assertThat(dec(az1, "new_resale_share_to_lab")).isEqualByComparingTo("0.2");
  }

  @Test
  void aWindowReachingBeforeTheDataIsClippedAndTiedGainersAreOrderedById() {
    Row az2 = row(shifts, "AZ2", "compute", 3);
    // pre = [Jul, Sep] clipped to Aug, Sep: azure 180 + 90 = 270 of 300 = 0.9 over 2 months.
    assertThat(az2.<Integer>getAs("months_pre")).isEqualTo(2);
    assertThat(dec(az2, "pre_total")).isEqualByComparingTo("300");
    assertThat(dec(az2, "pre_avg_monthly_total")).isEqualByComparingTo("150");
    assertThat(dec(az2, "pre_share")).isEqualByComparingTo("0.9");
    // post = [Oct, Dec]: azure 270 + 150 + 150 = 570 of 300 + 200 + 200 = 700 =
    // 0.814285714285714286 (18 digits).
    assertThat(dec(az2, "post_share")).isEqualByComparingTo("0.814285714285714286");
    // (0.814285714285714286 - 0.9) x 100 = -8.5714285714285714 pp.
    assertThat(dec(az2, "delta_pp")).isEqualByComparingTo("-8.5714285714285714");
    // aws 30/300 = 0.1 -> 100/700 = 0.142857142857142857: +4.2857142857142857 pp;
    // gcp 0 -> 30/700 = 0.042857142857142857: +4.2857142857142857 pp, the same rise: ordered by id.
    assertThat(az2.<String>getAs("gainers")).isEqualTo("aws +4.3pp, gcp +4.3pp");
    assertThat(az2.<String>getAs("top_gainer")).isEqualTo("aws");
    assertThat(dec(az2, "top_gainer_delta_pp")).isEqualByComparingTo("4.2857142857142857");
    // Old and new terms.
    assertThat(az2.<String>getAs("old_terms_record_id")).isEqualTo("AZ1");
    assertThat(az2.<String>getAs("old_exclusivity")).isEqualTo("exclusive");
    assertThat(az2.<String>getAs("new_exclusivity")).isEqualTo("rofr");
    assertThat(dec(az2, "old_resale_share_to_lab")).isEqualByComparingTo("0.2");
    assertThat(dec(az2, "new_resale_share_to_lab")).isEqualByComparingTo("0.1");
  }

  @Test
  void aWindowReachingAfterTheDataIsClipped() {
    Row gcp = row(shifts, "GCP1", "compute", 3);
    // pre = [Oct, Dec]: gcp 0 + 10 + 20 = 30 of 700 = 0.042857142857142857; post = [Jan, Mar]
    // clipped to Jan: 0 of 200.
    assertThat(gcp.<Integer>getAs("months_pre")).isEqualTo(3);
    assertThat(gcp.<Integer>getAs("months_post")).isEqualTo(1);
    assertThat(dec(gcp, "pre_share")).isEqualByComparingTo("0.042857142857142857");
    assertThat(dec(gcp, "post_share")).isEqualByComparingTo("0");
    assertThat(dec(gcp, "delta_pp")).isEqualByComparingTo("-4.2857142857142857");
    // aws 100/700 = 0.142857142857142857 -> 50/200 = 0.25: +10.7142857142857143 pp; azure fell
    // (0.8143 -> 0.75).
    assertThat(gcp.<String>getAs("gainers")).isEqualTo("aws +10.7pp");
    assertThat(dec(gcp, "top_gainer_delta_pp")).isEqualByComparingTo("10.7142857142857143");
  }

  @Test
  void resaleSharesAreNullWhereTheLabHasNoResaleSpend() {
    // Resale: only azure 100 in Aug. AWS1: pre [Aug, Oct] T = 100, aws never resold: share 0; post
    // T = 0: null.
    Row aws = row(shifts, "AWS1", "resale", 3);
    assertThat(dec(aws, "pre_share")).isEqualByComparingTo("0");
    assertThat(dec(aws, "post_total")).isEqualByComparingTo("0");
    assertThat(aws.<Object>getAs("post_share")).isNull();
    assertThat(aws.<Object>getAs("delta_pp")).isNull();
    assertThat(aws.<Object>getAs("gainers")).isNull();
    assertThat(dec(row(shifts, "AZ1", "resale", 3), "post_share")).isEqualByComparingTo("1");
  }

  @Test
  void risesThatWouldShowAsZeroPointsAreNoGain() {
    Row meta = row(shifts, "MET1", "compute", 3);
    // pre = [Aug, Oct]: T = 10000, coreweave 10 -> 0.001; post = [Nov, Jan]: T = 10000, coreweave
    // 11 -> 0.0011.
    assertThat(dec(meta, "pre_share")).isEqualByComparingTo("0.001");
    assertThat(dec(meta, "post_share")).isEqualByComparingTo("0.0011");
    assertThat(dec(meta, "delta_pp")).isEqualByComparingTo("0.01");
    // aws 0 -> 6/10000 = 0.0006: +0.06 pp >= 0.05, a gainer shown as +0.1pp; coreweave's +0.01 pp
    // is not.
    assertThat(meta.<String>getAs("gainers")).isEqualTo("aws +0.1pp");
    assertThat(meta.<String>getAs("top_gainer")).isEqualTo("aws");
    assertThat(dec(meta, "top_gainer_delta_pp")).isEqualByComparingTo("0.06");
  }

  @Test
  void longerWindowsAreClippedToTheSameMonths() {
    Dataset<Row> both = ShareShiftEvents.of(lpm, monthly, events, List.of(3, 6));
    Row six = row(both, "AWS1", "compute", 6);
    // [May, Oct] and [Nov, Apr] hold only Aug-Oct and Nov-Jan: the same shares as w = 3.
    assertThat(six.<Integer>getAs("months_pre")).isEqualTo(3);
    assertThat(six.<Integer>getAs("months_post")).isEqualTo(3);
    assertThat(dec(six, "pre_share")).isEqualByComparingTo("0.1");
    assertThat(dec(six, "post_share")).isEqualByComparingTo("0.2");
    assertThat(row(both, "AWS1", "compute", 3).<BigDecimal>getAs("delta_pp"))
        .isEqualByComparingTo("10");
  }

  @Test
  void windowsMustBePositive() {
    assertThatThrownBy(() -> ShareShiftEvents.of(lpm, monthly, events, List.of(3, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot compute share shifts");
  }
}
