#!/usr/bin/env python3
"""DuckDB reference implementation of cloudshift's monthly aggregate and shares, for benchmarking.

What it computes
----------------
From the FOCUS exports named in cloudshift's configuration it computes, in one DuckDB connection
per run (file listing, header reading, CSV/Parquet parsing, validation, attribution and
classification all included in the timed work):

(a) ``charges_monthly``: per provider x lab x stream x billing month x BillingCurrency, over the
    rows that count as revenue: sum BilledCost, sum EffectiveCost, the same two sums over AI-workload
    rows, and the row count (cloudshift's ``io.cloudshift.shares.MonthlyAggregate``);
(b) ``shares``: for rows with a lab and stream compute or resale, R per lab x provider x stream x
    month x currency, T = sum over providers of R for (lab, stream, month, currency), s = R / T,
    null when T <= 0 (SPEC section 4, ``ShareFormulas.share``).

Both are materialised as DuckDB tables (CREATE TABLE ... AS), so every run really reads and
aggregates every input row. Per run it prints the wall time and row counts, then median and
min-max, and the process's peak RSS; ``--output`` writes them as JSON for the benchmark harness
(``runs_s``, ``median_s``, ``min_s``, ``max_s``, ``rows_read``, ``peak_rss_mb``, ``duckdb_version``,
``threads``, plus row counts and, with ``--compare-warehouse``, the cross-check's outcome).

Usage (from the repository root, so the relative paths of the config resolve as for cloudshift):

    python bench/duckdb_reference.py --config conf/cloudshift.conf [--config more.conf] \
        [--set inputs.root=/path] [--runs 3] [--threads 2] [--output result.json] \
        [--compare-warehouse /path/to/warehouse]

Exit codes: 0 done (and the cross-check, if asked, found no difference); 1 the cross-check found
differences; 2 a bad argument, config value or missing input.

Timing: each run opens a new in-memory DuckDB connection (``--threads``, default 2) and the clock
covers connect, listing the files, reading CSV headers / Parquet schemas, the single scan of every
file with validation, attribution and classification, and creating ``charges_monthly`` and
``shares``. Python start-up, config loading and the row-count queries after a run are outside it.

Cross-check (``--compare-warehouse WH``), after the timed runs, on the last run's aggregate:
same groups (provider x lab x stream x month x currency), every amount equal after rounding both
sides to the cent (half-even, exact decimals; the largest unrounded difference is reported too),
same ``charge_rows``. The expected side is read with delta-rs (``deltalake``), picked so that it
holds exactly the exports this script read:
* ``WH/charges_monthly`` has an ``export_id`` column -> its rows of the exports read, summed over
  ``export_id``;
* otherwise, when ``WH/charges`` holds exports this script skipped (the FinOps sample of
  conf/cloudshift.conf, whose rows are in ``charges_monthly``) -> the aggregate recomputed by
  delta-rs (DataFusion, not DuckDB) from silver ``charges`` with ``counts_as_revenue`` and
  ``export_id`` in the exports read, exactly as ``MonthlyAggregate`` groups it; that recomputation
  is first run over all exports and checked against ``charges_monthly`` (printed as a self-check);
* otherwise ``WH/charges_monthly`` as written.
So one can pass conf/cloudshift.conf as is; no special config is needed to leave out the sample.

Why it mirrors cloudshift (src/main/java/io/cloudshift/..., read, not called)
------------------------------------------------------------------------------
* Configuration: the same three layers as ``config.ConfigLoader`` - the built-in
  ``src/main/resources/cloudshift-defaults.conf`` < each ``--config`` file in order < ``--set``
  (``cloudshift.`` prefix optional; lists, objects, numbers and booleans parsed as HOCON, anything
  else literal text; a --set replaces the value, it does not merge). Substitutions resolve after
  all layers. Without ``--config``, ``conf/cloudshift.conf`` is used when it exists (as the CLI).
  Relative paths resolve against the current directory, as they do for cloudshift.
* Files (``io.FocusFileLister``): each export path is walked recursively; data files are
  ``*.csv``/``*.csv.gz`` (format csv) or ``*.parquet`` (format parquet), names starting with
  ``_`` or ``.`` and empty files are skipped; files are grouped by their header so each FOCUS
  version is read with its own column mapping (``ExportLoader``).
* Columns (``FocusNormalizer``): canonical names are matched case-insensitively, the renamed
  columns of older versions are aliased (ChargeType -> ChargeCategory, AmortizedCost ->
  EffectiveCost), values are trimmed of spaces and blank cells or ``focus.null-literals`` become
  null. CSV is read as text (RFC 4180, ``""`` escapes, header row, columns by position, so leading
  zeros in account ids survive). The seller is ServiceProviderName, falling back to PublisherName
  (``coalesce`` as in ``ChargeParser``: ServiceProviderName exists from FOCUS 1.3).
* Validity (``ChargeParser``; an invalid row is quarantined by cloudshift and excluded here):
  the file has every mandatory column; BilledCost and EffectiveCost match the validator's plain
  decimal regex and fit decimal(38,12); the four period timestamps match the ISO 8601 regex and
  parse (no zone = UTC); BillingAccountId is non-null; upper(BillingCurrency) is in
  ``focus.currencies``; ChargeCategory is Usage/Purchase/Tax/Credit/Adjustment in any case;
  ChargeClass is null or Correction in any case; BillingPeriodStart < BillingPeriodEnd and
  ChargePeriodStart <= ChargePeriodEnd.
* Billing month = first day of BillingPeriodStart's month in UTC (the DuckDB TimeZone is UTC).
* Attribution (``ChargeAttributor``): the provider is the export's. The first matching
  ``attribution.compute-accounts`` rule (billing account, optional sub-account, optional
  valid-from/valid-to months inclusive) makes the row compute for its lab; otherwise the first
  matching ``resale-rules`` rule (service name case-insensitive, optional SKU regex found in SkuId
  OR SkuMeter OR ChargeDescription, optional validity) makes it resale; otherwise unattributed
  with a null lab.
* Classification (``ChargeClassifier``): is_tax = ChargeCategory Tax; is_marketplace = the seller
  is non-null, differs from InvoiceIssuerName and is not one of the provider's
  ``first-party-names``; counts_as_revenue = NOT is_tax (unless ``focus.tax-counts-as-revenue``)
  AND (NOT is_marketplace OR stream = resale) (unless ``focus.marketplace-counts-as-revenue``);
  AI workload = ServiceCategory in ``focus.ai-service-categories`` OR any ``focus.gpu-sku-patterns``
  regex found in SkuId, SkuMeter, ChargeDescription or ResourceType.
* Money is decimal(38,12) throughout (text is cast once, sums are decimal, never double). Shares
  are computed exactly: R / T rounded half-even to 18 fraction digits (decimal(38,18)), null when
  T <= 0 or |s| >= 10^9, as ``ShareFormulas.ratio`` does with BigDecimal.

Where it deliberately differs
-----------------------------
* Exports with ``provider-column`` (the multi-provider FinOps sample) are skipped: only exports
  with a fixed ``provider`` are read. ``--compare-warehouse`` therefore compares only the exports
  read (see ``expected_aggregate``).
* No ``--period``: every billing month of every file is read. No silver/quarantine tables are
  written, only the two aggregates; rows that fail validation are counted, not kept.
* Malformed CSV records (wrong number of fields, broken quoting) are skipped by DuckDB's reader
  (``store_rejects``) and counted as read and excluded; Spark marks them _corrupt_record. Which
  edge cases each reader calls malformed can differ.
* Regexes run on RE2 (DuckDB), not java.util.regex. Every configured pattern is compiled up front
  and the run stops with the key's name when RE2 rejects one (look-around, back-references).
  For the patterns RE2 accepts the results are the same except in corners: ``(?i)`` folds Unicode
  case in RE2 but only ASCII in Java, ``\\b`` is ASCII in RE2, and Java's ``$`` also matches before
  a final line terminator. The GPU patterns are combined into one alternation (same matches).
* Typed Parquet columns are used with their types (decimal/integer/float costs cast straight to
  decimal(38,12), timestamps taken as UTC instants) instead of cloudshift's cast to text and
  re-parse; the results are the same except for float costs, which DuckDB rounds from the binary
  value rather than from Java's shortest decimal string. Other local paths only (no s3a://).
* HOCON is parsed by pyhocon, not Typesafe Config. The repository's conf files load to the same
  values; exotic HOCON (a self-referential substitution across files, classpath includes) may not.
* The 1.0-preview rule "ChargeClass null and ChargeSubcategory Refund -> Correction" is not
  applied: it changes a value, never whether a row is valid or counts.
* The shares table holds only observed (lab, provider, stream, month, currency) cells. cloudshift's
  ``lab_provider_monthly`` also fills a complete grid with R = 0 cells; those add rows with s = 0
  or null but never change T or any non-zero share.
* The shares are per billing currency; cloudshift converts every amount into the reporting
  currency with the ECB's rates first and computes one set of shares across currencies. The two
  agree whenever a lab's stream is billed in one currency (the bundled and generated data: only
  unattributed revenue is billed in EUR); the shares are timed, not cross-checked.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import os
import re
import resource
import statistics
import sys
import time
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import duckdb
from pyhocon import ConfigFactory, ConfigParser, ConfigTree
from pyhocon.exceptions import ConfigException

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULTS_CONF = REPO_ROOT / "src" / "main" / "resources" / "cloudshift-defaults.conf"
DEFAULT_CONF = Path("conf") / "cloudshift.conf"
KEY_PREFIX = "cloudshift."

# Canonical FOCUS column names (io.cloudshift.schema.FocusColumns).
BILLED_COST = "BilledCost"
EFFECTIVE_COST = "EffectiveCost"
BILLING_ACCOUNT_ID = "BillingAccountId"
SUB_ACCOUNT_ID = "SubAccountId"
BILLING_CURRENCY = "BillingCurrency"
BILLING_PERIOD_START = "BillingPeriodStart"
BILLING_PERIOD_END = "BillingPeriodEnd"
CHARGE_PERIOD_START = "ChargePeriodStart"
CHARGE_PERIOD_END = "ChargePeriodEnd"
CHARGE_CATEGORY = "ChargeCategory"
CHARGE_CLASS = "ChargeClass"
CHARGE_DESCRIPTION = "ChargeDescription"
SERVICE_CATEGORY = "ServiceCategory"
SERVICE_NAME = "ServiceName"
SKU_ID = "SkuId"
SKU_METER = "SkuMeter"
RESOURCE_TYPE = "ResourceType"
INVOICE_ISSUER_NAME = "InvoiceIssuerName"
PUBLISHER_NAME = "PublisherName"
SERVICE_PROVIDER_NAME = "ServiceProviderName"

NOT_NULL = [BILLED_COST, EFFECTIVE_COST, BILLING_ACCOUNT_ID, BILLING_CURRENCY, BILLING_PERIOD_START,
            BILLING_PERIOD_END, CHARGE_CATEGORY, CHARGE_PERIOD_START, CHARGE_PERIOD_END]
MANDATORY = NOT_NULL + [SERVICE_CATEGORY, SERVICE_NAME]
# Columns whose exact spelling wins over an alias or another case (FocusColumns.KEPT, the ones used here
# plus the rest so that precedence is the same as cloudshift's).
KEPT = {BILLED_COST, EFFECTIVE_COST, "ListCost", "ContractedCost", BILLING_ACCOUNT_ID, "BillingAccountName",
        SUB_ACCOUNT_ID, "SubAccountName", BILLING_CURRENCY, BILLING_PERIOD_START, BILLING_PERIOD_END,
        CHARGE_PERIOD_START, CHARGE_PERIOD_END, CHARGE_CATEGORY, CHARGE_CLASS, CHARGE_DESCRIPTION,
        SERVICE_CATEGORY, "ServiceSubcategory", SERVICE_NAME, SKU_ID, SKU_METER, RESOURCE_TYPE, "RegionId",
        INVOICE_ISSUER_NAME, "ProviderName", PUBLISHER_NAME, SERVICE_PROVIDER_NAME}
RENAMES = {"ChargeType": CHARGE_CATEGORY, "AmortizedCost": EFFECTIVE_COST, "UsageQuantity": "ConsumedQuantity",
           "UsageUnit": "ConsumedUnit", "Region": "RegionId"}

CHARGE_CATEGORIES = ["Usage", "Purchase", "Tax", "Credit", "Adjustment"]
# The validator's plain decimal and ISO 8601 date-time (ChargeParser.NUMBER / DATETIME); RE2 accepts both as is.
NUMBER_RE = r"^[+-]?([0-9]*[.])?[0-9]+([eE][+-]?[0-9]+)?$"
DATETIME_RE = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?)?"
               r"(Z|[+-][0-9]{2}:?[0-9]{2})?$")
MONEY = "DECIMAL(38,12)"
SHARE_SCALE = 18
SHARE_LIMIT = 10**9

AGGREGATE_KEY = ("provider", "lab", "stream", "month", "billing_currency")
AMOUNTS = ("billed_revenue", "effective_revenue", "ai_billed_revenue", "ai_effective_revenue")
CENT = Decimal("0.01")


class UsageError(Exception):
    """A bad argument, config value or missing input: one line, exit code 2."""


# ---------------------------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Export:
    id: str
    provider: str
    fmt: str  # csv | parquet
    path: str


@dataclasses.dataclass(frozen=True)
class ComputeRule:
    provider: str
    account: str
    sub_account: str | None
    lab: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclasses.dataclass(frozen=True)
class ResaleRule:
    provider: str
    service_name: str
    sku_pattern: str | None
    lab: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclasses.dataclass(frozen=True)
class Rules:
    exports: list[Export]
    skipped_exports: list[str]
    first_party: dict[str, list[str]]
    null_literals: list[str]
    tax_counts: bool
    marketplace_counts: bool
    ai_categories: list[str]
    gpu_patterns: list[str]
    currencies: list[str]
    compute: list[ComputeRule]
    resale: list[ResaleRule]


def load_config(conf_files: list[Path], overrides: list[str]) -> ConfigTree:
    """Defaults < conf files in order < --set, substitutions resolved last (ConfigLoader.load)."""
    try:
        layered = ConfigFactory.parse_file(str(DEFAULTS_CONF), resolve=False)
        for path in conf_files:
            if not path.is_file():
                raise UsageError(f"Cannot read config file {path}: no such file (pass an existing --config path)")
            layered = ConfigFactory.parse_file(str(path), resolve=False).with_fallback(layered, resolve=False)
        for raw in overrides:
            key, value = parse_override(raw)
            # --set replaces the value (Typesafe withValue), it never merges into an object.
            layered.pop(key, None)
            layered.put(key, value)
        ConfigParser.resolve_substitutions(layered)
    except ConfigException as e:
        raise UsageError(f"Cannot load configuration: {e}") from e
    return layered


def parse_override(raw: str) -> tuple[str, object]:
    """KEY=VALUE with an optional cloudshift. prefix; structured values as HOCON, others as text."""
    if "=" not in raw:
        raise UsageError(f"--set {raw}: expected KEY=VALUE")
    key, value = raw.split("=", 1)
    key = key.strip()
    key = key if key.startswith(KEY_PREFIX) else KEY_PREFIX + key
    trimmed = value.strip()
    structured = (trimmed.startswith(("[", "{")) or re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", trimmed)
                  or trimmed in ("true", "false"))
    if not structured:
        return key, value  # literal text, so s3a://bucket/x is not cut at HOCON's // comment
    try:
        return key, ConfigFactory.parse_string("v = " + trimmed).get("v")
    except Exception as e:  # pyhocon raises several exception types on syntax errors
        raise UsageError(f"Cannot parse --set {key}={value}: {e}") from e


def month_start(text: str | None, key: str) -> dt.date | None:
    """A yyyy-MM validity bound as the first day of the month."""
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", str(text))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise UsageError(f"{key}: '{text}' is not a month (use yyyy-MM)")
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


def rules_from_config(conf: ConfigTree) -> Rules:
    """The parts of the effective configuration that decide the aggregate."""
    focus = conf.get_config("cloudshift.focus")
    providers = conf.get_config("cloudshift.providers", ConfigTree())
    first_party = {pid: list(providers.get_config(pid).get_list("first-party-names", [])) for pid in providers}
    exports, skipped = [], []
    for i, e in enumerate(conf.get_list("cloudshift.exports", [])):
        if "provider-column" in e:
            skipped.append(e.get_string("id"))
            continue
        fmt = e.get_string("format").lower()
        if fmt not in ("csv", "parquet"):
            raise UsageError(f"cloudshift.exports[{i}].format: '{fmt}' is not one of [csv, parquet]")
        exports.append(Export(e.get_string("id"), e.get_string("provider"), fmt, e.get_string("path")))
    att = conf.get_config("cloudshift.attribution")
    compute = [ComputeRule(r.get_string("provider"), r.get_string("billing-account-id"),
                           r.get_string("sub-account-id", None), r.get_string("lab"),
                           month_start(r.get_string("valid-from", None), f"compute-accounts[{i}].valid-from"),
                           month_start(r.get_string("valid-to", None), f"compute-accounts[{i}].valid-to"))
               for i, r in enumerate(att.get_list("compute-accounts", []))]
    resale = [ResaleRule(r.get_string("provider"), r.get_string("service-name"), r.get_string("sku-pattern", None),
                         r.get_string("lab"),
                         month_start(r.get_string("valid-from", None), f"resale-rules[{i}].valid-from"),
                         month_start(r.get_string("valid-to", None), f"resale-rules[{i}].valid-to"))
              for i, r in enumerate(att.get_list("resale-rules", []))]
    return Rules(
        exports=exports,
        skipped_exports=skipped,
        first_party=first_party,
        null_literals=[str(v) for v in focus.get_list("null-literals")],
        tax_counts=focus.get_bool("tax-counts-as-revenue"),
        marketplace_counts=focus.get_bool("marketplace-counts-as-revenue"),
        ai_categories=[str(v) for v in focus.get_list("ai-service-categories")],
        gpu_patterns=[str(v) for v in focus.get_list("gpu-sku-patterns")],
        currencies=[str(v) for v in focus.get_list("currencies")],
        compute=compute,
        resale=resale,
    )


def check_regexes_for_re2(rules: Rules) -> None:
    """Fail before timing anything if DuckDB's RE2 cannot run one of cloudshift's Java regexes."""
    con = duckdb.connect()
    patterns = [(p, "cloudshift.focus.gpu-sku-patterns") for p in rules.gpu_patterns]
    patterns += [(r.sku_pattern, f"cloudshift.attribution.resale-rules[{i}].sku-pattern")
                 for i, r in enumerate(rules.resale) if r.sku_pattern]
    if rules.gpu_patterns:
        patterns.append((combined_regex(rules.gpu_patterns), "cloudshift.focus.gpu-sku-patterns (combined)"))
    for pattern, key in patterns:
        try:
            con.execute(f"SELECT regexp_matches('', {sql_str(pattern)})").fetchall()
        except duckdb.Error as e:
            raise UsageError(f"{key}: '{pattern}' is not accepted by DuckDB's RE2: {e}") from e
    con.close()


# ---------------------------------------------------------------------------------------------
# Files and headers (FocusFileLister, FocusReader)
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class FileGroup:
    """Files of one export that share a header, read with one column mapping."""
    export: Export
    columns: tuple[str, ...]      # names as read (deduplicated like FocusReader.uniqueNames)
    types: tuple[str, ...] | None  # DuckDB types of Parquet columns; None for CSV (all text)
    files: tuple[str, ...]


def list_data_files(export: Export) -> list[str]:
    """Every data file under the export path, recursively, sorted by path."""
    root = Path(export.path)
    if "://" in export.path:
        raise UsageError(f"export '{export.id}': only local paths are supported here ({export.path})")
    if not root.exists():
        raise UsageError(f"Cannot read export '{export.id}': {export.path} does not exist")
    suffixes = (".csv", ".csv.gz") if export.fmt == "csv" else (".parquet",)
    found = []
    for directory, _, names in os.walk(root, followlinks=True):
        for name in names:
            lower = name.lower()
            if lower.startswith(("_", ".")) or not lower.endswith(suffixes):
                continue
            path = os.path.join(directory, name)
            if os.path.getsize(path) > 0:  # empty shards hold no header and no rows
                found.append(path)
    return sorted(found)


def split_header(line: str) -> list[str]:
    """An RFC 4180 header line; names trimmed of quotes and blanks (FocusFileLister.splitHeader)."""
    names, current, quoted, i = [], [], False, 0
    while i < len(line):
        c = line[i]
        if c == '"':
            if quoted and i + 1 < len(line) and line[i + 1] == '"':
                current.append('"')
                i += 1
            else:
                quoted = not quoted
        elif c == "," and not quoted:
            names.append("".join(current).strip())
            current = []
        elif c != "\r":
            current.append(c)
        i += 1
    names.append("".join(current).strip())
    return names


def csv_header(path: str) -> list[str]:
    """The first non-blank line of a (gzipped) CSV, BOM removed."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        for line in f:
            if line.strip():
                return split_header(line.rstrip("\n").lstrip("\ufeff"))
    return []


def unique_names(columns: list[str]) -> list[str]:
    """Duplicate (case-insensitive) or empty header names get a suffix (FocusReader.uniqueNames)."""
    seen, names = set(), []
    for c in columns:
        name = c or "_unnamed"
        candidate, i = name, 2
        while candidate.lower() in seen:
            candidate, i = f"{name}_{i}", i + 1
        seen.add(candidate.lower())
        names.append(candidate)
    return names


def parquet_schema(con: duckdb.DuckDBPyConnection, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Top-level column names and DuckDB types of one Parquet file (no hive partition columns)."""
    rows = con.execute(f"DESCRIBE SELECT * FROM read_parquet({sql_str(path)}, hive_partitioning = false)").fetchall()
    return tuple(r[0] for r in rows), tuple(r[1] for r in rows)


def file_groups(con: duckdb.DuckDBPyConnection, export: Export) -> list[FileGroup]:
    """The export's files grouped by header, in first-seen order (ExportLoader.load)."""
    groups: dict[tuple, list[str]] = {}
    paths = list_data_files(export)
    if not paths:
        print(f"warning: export {export.id}: no data files under {export.path}", file=sys.stderr)
    for path in paths:
        if export.fmt == "csv":
            key = (tuple(unique_names(csv_header(path))), None)
        else:
            key = parquet_schema(con, path)
        groups.setdefault(key, []).append(path)
    return [FileGroup(export, cols, types, tuple(files)) for (cols, types), files in groups.items()]


# ---------------------------------------------------------------------------------------------
# SQL
# ---------------------------------------------------------------------------------------------

def sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_list(values: list[str]) -> str:
    return "(" + ", ".join(sql_str(v) for v in values) + ")" if values else "(NULL)"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def combined_regex(patterns: list[str]) -> str:
    """Any of the patterns: one RE2 alternation finds a match iff one of them does (fewer scans)."""
    return "|".join(f"(?:{p})" for p in patterns)


def resolve_columns(file_columns: tuple[str, ...]) -> dict[str, str]:
    """Lower-cased canonical name -> the file's column (FocusNormalizer.resolve, same precedence)."""
    result: dict[str, str] = {}
    for c in file_columns:
        result.setdefault(c.lower(), c)
    for c in file_columns:
        if c in RENAMES:
            result[RENAMES[c].lower()] = c
    for c in file_columns:
        if c in KEPT:
            result[c.lower()] = c
    return result


class ColumnExpressions:
    """SQL for one file group's canonical columns: null handling, money and timestamp parsing."""

    NUMERIC_TYPES = ("DECIMAL", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                     "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE")
    TIME_TYPES = ("TIMESTAMP", "DATE")

    def __init__(self, group: FileGroup, null_literals: list[str]):
        self.source = resolve_columns(group.columns)
        self.types = dict(zip(group.columns, group.types)) if group.types else {}
        self.null_literals = null_literals

    def missing_mandatory(self) -> list[str]:
        return [m for m in MANDATORY if m.lower() not in self.source]

    def _column(self, canonical: str) -> tuple[str | None, str]:
        name = self.source.get(canonical.lower())
        return (ident(name), self.types.get(name, "VARCHAR")) if name else (None, "VARCHAR")

    def _text_of(self, expr: str) -> str:
        # Spark's trim() removes spaces only, like DuckDB's trim(); blank and null literals become null.
        trimmed = f"trim({expr})"
        return f"CASE WHEN {trimmed} = '' OR {trimmed} IN {sql_list(self.null_literals)} THEN NULL ELSE {trimmed} END"

    def text(self, canonical: str) -> str:
        col, typ = self._column(canonical)
        if col is None:
            return "CAST(NULL AS VARCHAR)"
        return self._text_of(col if typ == "VARCHAR" else f"CAST({col} AS VARCHAR)")

    def money(self, canonical: str) -> str:
        col, typ = self._column(canonical)
        if col is None:
            return f"CAST(NULL AS {MONEY})"
        if typ.startswith(self.NUMERIC_TYPES):
            return f"TRY_CAST({col} AS {MONEY})"
        text = self.text(canonical)
        return f"CASE WHEN regexp_matches({text}, {sql_str(NUMBER_RE)}) THEN TRY_CAST({text} AS {MONEY}) END"

    def timestamp(self, canonical: str) -> str:
        col, typ = self._column(canonical)
        if col is None:
            return "CAST(NULL AS TIMESTAMPTZ)"
        if typ.startswith(self.TIME_TYPES):
            return f"CAST({col} AS TIMESTAMPTZ)"  # typed instants; naive ones are UTC (session zone)
        text = self.text(canonical)
        return f"CASE WHEN regexp_matches({text}, {sql_str(DATETIME_RE)}) THEN TRY_CAST({text} AS TIMESTAMPTZ) END"


def reader_sql(group: FileGroup, index: int) -> str:
    """The DuckDB table function that reads one file group."""
    files = "[" + ", ".join(sql_str(f) for f in group.files) + "]"
    if group.types is not None:
        return f"read_parquet({files}, hive_partitioning = false)"
    columns = "{" + ", ".join(f"{sql_str(c)}: 'VARCHAR'" for c in group.columns) + "}"
    # Text by position like FocusReader (enforceSchema); malformed records are skipped and counted.
    return (f"read_csv({files}, header = true, columns = {columns}, auto_detect = false, delim = ',', "
            f"quote = '\"', escape = '\"', hive_partitioning = false, compression = 'auto', "
            f"store_rejects = true, rejects_scan = 'rejects_scan_{index}', rejects_table = 'rejects_errors_{index}')")


def canonical_sql(group: FileGroup, index: int, rules: Rules) -> str:
    """Typed canonical columns and the validity flag of every row of one file group (ChargeParser)."""
    c = ColumnExpressions(group, rules.null_literals)
    category_cases = " ".join(f"WHEN {sql_str(v.lower())} THEN {sql_str(v)}" for v in CHARGE_CATEGORIES)
    missing = "true" if c.missing_mandatory() else "false"
    return f"""
        SELECT
            {c.money(BILLED_COST)} AS billed,
            {c.money(EFFECTIVE_COST)} AS effective,
            {c.timestamp(BILLING_PERIOD_START)} AS bps,
            {c.timestamp(BILLING_PERIOD_END)} AS bpe,
            {c.timestamp(CHARGE_PERIOD_START)} AS cps,
            {c.timestamp(CHARGE_PERIOD_END)} AS cpe,
            {c.text(BILLING_ACCOUNT_ID)} AS account,
            {c.text(SUB_ACCOUNT_ID)} AS sub_account,
            upper({c.text(BILLING_CURRENCY)}) AS currency,
            CASE lower({c.text(CHARGE_CATEGORY)}) {category_cases} END AS category,
            {c.text(CHARGE_CLASS)} AS charge_class,
            {c.text(CHARGE_DESCRIPTION)} AS description,
            {c.text(SERVICE_CATEGORY)} AS service_category,
            {c.text(SERVICE_NAME)} AS service_name,
            {c.text(SKU_ID)} AS sku_id,
            {c.text(SKU_METER)} AS sku_meter,
            {c.text(RESOURCE_TYPE)} AS resource_type,
            coalesce({c.text(SERVICE_PROVIDER_NAME)}, {c.text(PUBLISHER_NAME)}) AS seller,
            {c.text(INVOICE_ISSUER_NAME)} AS issuer,
            {missing} AS missing_column
        FROM {reader_sql(group, index)}"""


def validity_sql(rules: Rules) -> str:
    """True when no ChargeParser check fails: every failing check quarantines the row."""
    return f"""(NOT missing_column
            AND billed IS NOT NULL AND effective IS NOT NULL
            AND bps IS NOT NULL AND bpe IS NOT NULL AND cps IS NOT NULL AND cpe IS NOT NULL
            AND account IS NOT NULL
            AND currency IN {sql_list(rules.currencies)}
            AND category IS NOT NULL
            AND (charge_class IS NULL OR lower(charge_class) = 'correction')
            AND bps < bpe AND cps <= cpe)"""


def validity_window(valid_from: dt.date | None, valid_to: dt.date | None) -> list[str]:
    conditions = []
    if valid_from:
        conditions.append(f"month >= DATE '{valid_from.isoformat()}'")
    if valid_to:
        conditions.append(f"month <= DATE '{valid_to.isoformat()}'")
    return conditions


def found_in_any(pattern: str, columns: list[str]) -> str:
    """Spark rlike (find anywhere) on any column; a null column is no match."""
    return "(" + " OR ".join(f"coalesce(regexp_matches({c}, {sql_str(pattern)}), false)" for c in columns) + ")"


def attribution_sql(provider: str, rules: Rules) -> tuple[str, str, str]:
    """(rule index CASE, lab by index, stream by index): first matching compute rule, then resale."""
    labs, streams, whens = [], [], []
    for r in (r for r in rules.compute if r.provider == provider):
        cond = [f"account = {sql_str(r.account)}"]
        if r.sub_account is not None:
            cond.append(f"sub_account = {sql_str(r.sub_account)}")
        whens.append(" AND ".join(cond + validity_window(r.valid_from, r.valid_to)))
        labs.append(r.lab)
        streams.append("compute")
    for r in (r for r in rules.resale if r.provider == provider):
        cond = [f"lower(service_name) = {sql_str(r.service_name.lower())}"]
        if r.sku_pattern:
            cond.append(found_in_any(r.sku_pattern, ["sku_id", "sku_meter", "description"]))
        whens.append(" AND ".join(cond + validity_window(r.valid_from, r.valid_to)))
        labs.append(r.lab)
        streams.append("resale")
    if not whens:
        return "CAST(NULL AS INTEGER)", "CAST(NULL AS VARCHAR)", "'unattributed'"
    index = "CASE " + " ".join(f"WHEN {w} THEN {i + 1}" for i, w in enumerate(whens)) + " END"
    lab = "CASE rule_index " + " ".join(f"WHEN {i + 1} THEN {sql_str(v)}" for i, v in enumerate(labs)) + " END"
    stream = ("CASE rule_index " + " ".join(f"WHEN {i + 1} THEN {sql_str(v)}" for i, v in enumerate(streams))
              + " ELSE 'unattributed' END")
    return index, lab, stream


def ai_workload_sql(rules: Rules) -> str:
    """ServiceCategory in the AI list, or a GPU pattern found in SkuId, SkuMeter, ChargeDescription, ResourceType."""
    terms = [f"coalesce(service_category IN {sql_list(rules.ai_categories)}, false)"]
    if rules.gpu_patterns:
        terms.append(found_in_any(combined_regex(rules.gpu_patterns), ["sku_id", "sku_meter", "description", "resource_type"]))
    return "(" + " OR ".join(terms) + ")"


def counts_as_revenue_sql(provider: str, rules: Rules) -> str:
    """ChargeClassifier: not Tax, and not a third-party marketplace charge unless resale (both switchable)."""
    first_party = rules.first_party.get(provider, [])
    not_first_party = f"NOT coalesce(seller IN {sql_list(first_party)}, false)" if first_party else "true"
    is_marketplace = f"(seller IS NOT NULL AND seller <> coalesce(issuer, seller) AND {not_first_party})"
    tax_ok = "true" if rules.tax_counts else "category <> 'Tax'"
    marketplace_ok = "true" if rules.marketplace_counts else f"(NOT {is_marketplace} OR stream = 'resale')"
    return f"({tax_ok} AND {marketplace_ok})"


def group_sql(group: FileGroup, index: int, rules: Rules) -> str:
    """One file group → (export, valid, counts, provider, lab, stream, month, currency, amounts)."""
    provider = group.export.provider
    rule_index, lab, stream = attribution_sql(provider, rules)
    return f"""
    SELECT
        {sql_str(group.export.id)} AS export_id,
        valid,
        valid AND {counts_as_revenue_sql(provider, rules)} AS counts_as_revenue,
        {sql_str(provider)} AS provider,
        CASE WHEN valid THEN lab END AS lab,
        CASE WHEN valid THEN stream END AS stream,
        CASE WHEN valid THEN month END AS month,
        CASE WHEN valid THEN currency END AS billing_currency,
        CASE WHEN valid THEN billed END AS billed,
        CASE WHEN valid THEN effective END AS effective,
        valid AND is_ai AS is_ai
    FROM (
        SELECT *, {lab} AS lab, {stream} AS stream
        FROM (
            SELECT *, {rule_index} AS rule_index, {ai_workload_sql(rules)} AS is_ai
            FROM (
                SELECT *, {validity_sql(rules)} AS valid,
                       CAST(date_trunc('month', bps) AS DATE) AS month
                FROM ({canonical_sql(group, index, rules)})
            )
        )
    )"""


def stage_sql(groups: list[FileGroup], rules: Rules) -> str:
    """One scan of every file: rows per (export, valid, counts, aggregate key) with their sums."""
    union = "\n    UNION ALL\n".join(group_sql(g, i, rules) for i, g in enumerate(groups))
    return f"""
CREATE TABLE stage AS
SELECT export_id, valid, counts_as_revenue, provider, lab, stream, month, billing_currency,
       count(*) AS n,
       sum(billed) AS billed,
       sum(effective) AS effective,
       sum(CASE WHEN is_ai THEN billed ELSE 0 END) AS ai_billed,
       sum(CASE WHEN is_ai THEN effective ELSE 0 END) AS ai_effective
FROM ({union}
)
GROUP BY ALL"""


CHARGES_MONTHLY_SQL = f"""
CREATE TABLE charges_monthly AS
SELECT provider, lab, stream, month, billing_currency,
       CAST(sum(billed) AS {MONEY}) AS billed_revenue,
       CAST(sum(effective) AS {MONEY}) AS effective_revenue,
       CAST(sum(ai_billed) AS {MONEY}) AS ai_billed_revenue,
       CAST(sum(ai_effective) AS {MONEY}) AS ai_effective_revenue,
       CAST(sum(n) AS BIGINT) AS charge_rows
FROM stage
WHERE counts_as_revenue
GROUP BY ALL"""


SHARES_SQL = f"""
CREATE TABLE shares AS
WITH observed AS (
    SELECT lab, provider, stream, month, billing_currency, billed_revenue AS r,
           sum(billed_revenue) OVER (PARTITION BY lab, stream, month, billing_currency) AS t
    FROM charges_monthly
    WHERE lab IS NOT NULL AND stream IN ('compute', 'resale')
),
-- Exact R / T (DuckDB's decimal '/' returns DOUBLE): unscaled integers from the decimal(38,12) text
-- (always 12 fraction digits), long division in three steps of 10^6 so no HUGEINT product
-- overflows for T below 1.7e20 currency units, then half-even at 18 digits (ShareFormulas.ratio).
unscaled AS (
    SELECT *, abs(CAST(replace(CAST(r AS VARCHAR), '.', '') AS HUGEINT)) AS num,
           CAST(replace(CAST(t AS VARCHAR), '.', '') AS HUGEINT) AS den
    FROM observed
),
step0 AS (SELECT *, CASE WHEN den > 0 THEN num // den END AS q, CASE WHEN den > 0 THEN num % den END AS r0 FROM unscaled),
step1 AS (SELECT *, (r0 * 1000000) // den AS d1, (r0 * 1000000) % den AS r1 FROM step0),
step2 AS (SELECT *, (r1 * 1000000) // den AS d2, (r1 * 1000000) % den AS r2 FROM step1),
step3 AS (SELECT *, (r2 * 1000000) // den AS d3, (r2 * 1000000) % den AS r3 FROM step2),
rounded AS (
    SELECT *, q * 1000000000000000000 + d1 * 1000000000000 + d2 * 1000000 + d3
              + CASE WHEN 2 * r3 > den OR (2 * r3 = den AND d3 % 2 = 1) THEN 1 ELSE 0 END AS units
    FROM step3
)
SELECT lab, provider, stream, month, billing_currency, r, t,
       CAST(CASE
           WHEN t <= 0 OR units >= CAST('{SHARE_LIMIT * 10**SHARE_SCALE}' AS HUGEINT) THEN NULL
           WHEN r < 0 THEN -(CAST(units AS DECIMAL(38,0)) * 0.000000000000000001)
           ELSE CAST(units AS DECIMAL(38,0)) * 0.000000000000000001
       END AS DECIMAL(38,{SHARE_SCALE})) AS s
FROM rounded"""


# ---------------------------------------------------------------------------------------------
# One timed run
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class RunResult:
    seconds: float
    cpu_seconds: float  # process CPU time (all threads): less sensitive than wall time to a busy machine
    files: int
    rows_read: int
    rows_valid: int
    rows_malformed: int
    groups: int
    charge_rows: int
    share_rows: int


def connect(threads: int) -> duckdb.DuckDBPyConnection:
    # UTC so date_trunc('month', ...) is the UTC month (cloudshift's session zone); no extension
    # downloads, so a run never depends on the network.
    con = duckdb.connect(config={"threads": threads, "autoinstall_known_extensions": False})
    con.execute("SET TimeZone = 'UTC'")
    return con


def count_malformed(con: duckdb.DuckDBPyConnection, groups: list[FileGroup]) -> int:
    """CSV records DuckDB's reader rejected (one per line, whatever the number of errors on it)."""
    total = 0
    for i, g in enumerate(groups):
        if g.types is None:
            total += con.execute(f"SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM rejects_errors_{i})").fetchone()[0]
    return total


def run_once(rules: Rules, threads: int) -> tuple[RunResult, duckdb.DuckDBPyConnection]:
    """List, read, validate, attribute, classify and aggregate every file; return the open connection."""
    start, cpu_start = time.perf_counter(), time.process_time()
    con = connect(threads)
    groups = [g for export in rules.exports for g in file_groups(con, export)]
    if not groups:
        raise UsageError("no data files found in the exports read: nothing to compute")
    con.execute(stage_sql(groups, rules))
    con.execute(CHARGES_MONTHLY_SQL)
    con.execute(SHARES_SQL)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    # Row counts read from the (small) materialised tables, outside the timed work.
    rows, valid = con.execute("SELECT sum(n), sum(CASE WHEN valid THEN n ELSE 0 END) FROM stage").fetchone()
    agg_groups, charge_rows = con.execute("SELECT count(*), coalesce(sum(charge_rows), 0) FROM charges_monthly").fetchone()
    share_rows = con.execute("SELECT count(*) FROM shares").fetchone()[0]
    malformed = count_malformed(con, groups)
    result = RunResult(seconds, cpu_seconds, sum(len(g.files) for g in groups), int(rows) + malformed, int(valid), malformed,
                       int(agg_groups), int(charge_rows), int(share_rows))
    return result, con


def print_run(i: int, r: RunResult) -> None:
    excluded = r.rows_read - r.rows_valid
    print(f"run {i}: {r.seconds:.3f} s wall ({r.cpu_seconds:.3f} s CPU) | {r.files} files, rows read {r.rows_read:,} (valid {r.rows_valid:,}, "
          f"excluded {excluded:,}, of which malformed CSV {r.rows_malformed:,}) | charges_monthly {r.groups:,} groups "
          f"holding {r.charge_rows:,} rows | shares {r.share_rows:,} rows", flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


# ---------------------------------------------------------------------------------------------
# Cross-check against cloudshift's Delta tables
# ---------------------------------------------------------------------------------------------

Aggregate = dict[tuple, tuple]  # aggregate key -> (4 amounts as Decimal, charge_rows)


def query_delta(path: Path, sql: str) -> list[tuple]:
    """Run SQL over one Delta table (registered as t) with delta-rs, rows as Python values."""
    from deltalake import DeltaTable, QueryBuilder  # only needed for the cross-check

    reader = QueryBuilder().register("t", DeltaTable(str(path))).execute(sql)
    return duckdb.connect().from_arrow(reader).fetchall()


def delta_columns(path: Path) -> list[str]:
    from deltalake import DeltaTable

    return [f.name for f in DeltaTable(str(path)).schema().fields]


def aggregate_sql(amount_sources: dict[str, str], rows: str, where: str, key_sources: dict[str, str]) -> str:
    """GROUP BY the aggregate key, summing the given amount expressions (DataFusion SQL)."""
    keys = ", ".join(f'{src} AS "{k}"' for k, src in key_sources.items())
    sums = ", ".join(f'sum({src}) AS "{name}"' for name, src in amount_sources.items())
    group = ", ".join(key_sources.values())
    return f"SELECT {keys}, {sums}, sum({rows}) AS charge_rows FROM t WHERE {where} GROUP BY {group}"


def charges_monthly_expected(wh: Path, export_ids: list[str] | None) -> Aggregate:
    """charges_monthly as written, summed over export_id (restricted to export_ids) when it has one."""
    keys = {k: f'"{k}"' for k in AGGREGATE_KEY}
    amounts = {a: f'"{a}"' for a in AMOUNTS}
    where = "true"
    if export_ids is not None:
        where = "export_id IN " + sql_list(export_ids)
    return to_aggregate(query_delta(wh / "charges_monthly", aggregate_sql(amounts, "charge_rows", where, keys)))


def charges_reaggregated(wh: Path, export_ids: list[str] | None) -> Aggregate:
    """MonthlyAggregate recomputed by delta-rs from silver charges (optionally some exports only)."""
    keys = {"provider": "provider", "lab": "lab", "stream": "stream", "month": "billing_month",
            "billing_currency": "billing_currency"}
    zero = f"CAST(0 AS {MONEY})"
    amounts = {"billed_revenue": "billed_cost", "effective_revenue": "effective_cost",
               "ai_billed_revenue": f"CASE WHEN is_ai_workload THEN billed_cost ELSE {zero} END",
               "ai_effective_revenue": f"CASE WHEN is_ai_workload THEN effective_cost ELSE {zero} END"}
    where = "counts_as_revenue"
    if export_ids is not None:
        where += " AND export_id IN " + sql_list(export_ids)
    return to_aggregate(query_delta(wh / "charges", aggregate_sql(amounts, "1", where, keys)))


def to_aggregate(rows: list[tuple]) -> Aggregate:
    n = len(AGGREGATE_KEY)
    return {tuple(r[:n]): (tuple(r[n:n + len(AMOUNTS)]), int(r[n + len(AMOUNTS)])) for r in rows}


def duckdb_aggregate(con: duckdb.DuckDBPyConnection) -> Aggregate:
    cols = ", ".join(AGGREGATE_KEY + AMOUNTS + ("charge_rows",))
    return to_aggregate(con.execute(f"SELECT {cols} FROM charges_monthly").fetchall())


def expected_aggregate(wh: Path, rules: Rules) -> tuple[Aggregate, str, list[str]]:
    """cloudshift's aggregate restricted to the exports this script read, how it was obtained, notes.

    charges_monthly has no export_id (yet): when the warehouse also holds exports this script
    skipped (the FinOps sample), their rows are in it, so the expected aggregate is recomputed
    from silver charges filtered on export_id instead, and that recomputation is first checked
    against charges_monthly over all exports.
    """
    read_ids = [e.id for e in rules.exports]
    if "export_id" in delta_columns(wh / "charges_monthly"):
        return (charges_monthly_expected(wh, read_ids),
                f"charges_monthly restricted to export_id in {read_ids}, summed over export_id", [])
    if not (wh / "charges").exists():
        return (charges_monthly_expected(wh, None),
                "charges_monthly as written (no charges table to separate exports)", [])
    in_warehouse = {r[0] for r in query_delta(wh / "charges", "SELECT DISTINCT export_id FROM t")}
    others = sorted(in_warehouse - set(read_ids))
    if not others:
        return charges_monthly_expected(wh, None), "charges_monthly as written (it holds only the exports read)", []
    notes = []
    self_check = compare_aggregates(charges_reaggregated(wh, None), charges_monthly_expected(wh, None))
    notes.append("cloudshift self-check, charges re-aggregated over all exports vs charges_monthly: "
                 + ("identical" if not self_check.differences else f"{len(self_check.differences)} difference(s): "
                    + "; ".join(self_check.differences[:5])))
    return (charges_reaggregated(wh, read_ids),
            f"silver charges re-aggregated by delta-rs, export_id in {read_ids} "
            f"(excluding {others}: charges_monthly includes them and has no export_id)", notes)


@dataclasses.dataclass
class Comparison:
    groups_actual: int
    groups_expected: int
    matched: int
    max_raw_difference: Decimal
    differences: list[str]


def cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def key_text(key: tuple) -> str:
    return " × ".join("null" if v is None else str(v) for v in key)


def compare_aggregates(actual: Aggregate, expected: Aggregate) -> Comparison:
    """Same groups, amounts equal after rounding to the cent, same row counts."""
    differences: list[str] = []
    max_raw = Decimal(0)
    for key in sorted(set(actual) | set(expected), key=lambda k: tuple("" if v is None else str(v) for v in k)):
        if key not in expected:
            differences.append(f"{key_text(key)}: only in DuckDB {fmt_values(actual[key])}")
            continue
        if key not in actual:
            differences.append(f"{key_text(key)}: only in cloudshift {fmt_values(expected[key])}")
            continue
        (a_amounts, a_rows), (e_amounts, e_rows) = actual[key], expected[key]
        for name, a, e in zip(AMOUNTS, a_amounts, e_amounts):
            if a is not None and e is not None:
                max_raw = max(max_raw, abs(a - e))
            if cents(a) != cents(e):
                differences.append(f"{key_text(key)}: {name} DuckDB {cents(a)} vs cloudshift {cents(e)}")
        if a_rows != e_rows:
            differences.append(f"{key_text(key)}: charge_rows DuckDB {a_rows} vs cloudshift {e_rows}")
    matched = len(set(actual) & set(expected))
    return Comparison(len(actual), len(expected), matched, max_raw, differences)


def fmt_values(v: tuple) -> str:
    amounts, rows = v
    return "(" + ", ".join(f"{n}={cents(a)}" for n, a in zip(AMOUNTS, amounts)) + f", charge_rows={rows})"


def cross_check(con: duckdb.DuckDBPyConnection, wh: Path, rules: Rules) -> tuple[bool, dict]:
    """Print and return the comparison of the last run's aggregate with cloudshift's."""
    expected, source, notes = expected_aggregate(wh, rules)
    result = compare_aggregates(duckdb_aggregate(con), expected)
    print(f"\ncross-check with {wh} ({source}):")
    for note in notes:
        print(f"  {note}")
    print(f"  groups: DuckDB {result.groups_actual:,}, cloudshift {result.groups_expected:,}, in both {result.matched:,}")
    if result.differences:
        print(f"  DIFFERENT: {len(result.differences)} difference(s); the first ones:")
        for d in result.differences[:20]:
            print(f"    {d}")
    else:
        print("  identical: same groups, every amount equal to the cent, same charge_rows "
              f"(largest unrounded difference {result.max_raw_difference})")
    summary = {"source": source, "notes": notes, "groups_duckdb": result.groups_actual,
               "groups_cloudshift": result.groups_expected, "groups_in_both": result.matched,
               "differences": len(result.differences), "first_differences": result.differences[:20],
               "max_unrounded_difference": str(result.max_raw_difference)}
    return not result.differences, summary


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="DuckDB reference for cloudshift's charges_monthly and shares (benchmark).")
    p.add_argument("-c", "--config", action="append", type=Path, default=[],
                   help="HOCON file, repeat to layer (later wins); default conf/cloudshift.conf when it exists")
    p.add_argument("-s", "--set", action="append", default=[], dest="overrides", metavar="KEY=VALUE",
                   help="override one key (cloudshift. prefix optional), e.g. inputs.root=/data")
    p.add_argument("--runs", type=int, default=3, help="timed runs (default 3)")
    p.add_argument("--threads", type=int, default=2, help="DuckDB threads (default 2)")
    p.add_argument("--output", type=Path, help="write the figures as JSON here")
    p.add_argument("--compare-warehouse", type=Path, metavar="WH",
                   help="compare the aggregate with cloudshift's Delta tables under WH; exit 1 when they differ")
    args = p.parse_args(argv)
    if args.runs < 1 or args.threads < 1:
        p.error("--runs and --threads must be at least 1")
    if not args.config and DEFAULT_CONF.is_file():
        args.config = [DEFAULT_CONF]
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        rules = rules_from_config(load_config(args.config, args.overrides))
        check_regexes_for_re2(rules)
        if args.compare_warehouse and not (args.compare_warehouse / "charges_monthly").exists():
            raise UsageError(f"--compare-warehouse: {args.compare_warehouse / 'charges_monthly'} does not exist")
        print(f"duckdb {duckdb.__version__}, {args.threads} thread(s); exports read: "
              f"{', '.join(f'{e.id} ({e.provider}, {e.fmt})' for e in rules.exports) or 'none'}"
              + (f"; skipped (provider-column): {', '.join(rules.skipped_exports)}" if rules.skipped_exports else ""))
        results, con = [], None
        for i in range(1, args.runs + 1):
            if con is not None:
                con.close()  # each run starts from an empty database
            result, con = run_once(rules, args.threads)
            results.append(result)
            print_run(i, result)
        times = [r.seconds for r in results]
        rss = peak_rss_mb()
        print(f"wall seconds over {len(times)} run(s): median {statistics.median(times):.3f}, "
              f"min {min(times):.3f}, max {max(times):.3f}; peak RSS {rss:.0f} MB")
        report = {
            "runs_s": [round(t, 4) for t in times], "median_s": round(statistics.median(times), 4),
            "min_s": round(min(times), 4), "max_s": round(max(times), 4),
            "cpu_s": [round(r.cpu_seconds, 4) for r in results],
            "rows_read": results[-1].rows_read, "rows_valid": results[-1].rows_valid,
            "rows_malformed": results[-1].rows_malformed, "files": results[-1].files,
            "aggregate_groups": results[-1].groups, "aggregate_rows": results[-1].charge_rows,
            "share_rows": results[-1].share_rows, "peak_rss_mb": round(rss, 1),
            "duckdb_version": duckdb.__version__, "threads": args.threads,
            "exports": [e.id for e in rules.exports], "skipped_exports": rules.skipped_exports,
            "config": [str(c) for c in args.config], "overrides": args.overrides,
        }
        ok = True
        if args.compare_warehouse:
            ok, report["compare"] = cross_check(con, args.compare_warehouse, rules)
        if args.output:
            args.output.write_text(json.dumps(report, indent=2) + "\n")
        return 0 if ok else 1
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
