"""Every notebook runs top to bottom against a fresh warehouse, draws its charts, and reports
headline figures that equal the tables' (read here with delta-rs + pandas, not with the
notebooks' Spark queries). The notebooks' kernels share the session's Spark Connect server
(SPARK_REMOTE), as an analyst's notebook may. The committed notebooks carry no outputs."""
import functools
from decimal import Decimal
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from deltalake import DeltaTable

import runner
from cloudshift_notebook import FIGURE_MIME

NAMES = [notebook.stem for notebook in runner.NOTEBOOKS]


def test_the_four_notebooks_are_there():
    assert NAMES == ["01_multicloud_shares", "02_openai_azure_uplift", "03_scenarios", "04_quality_and_audit"]


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_has_no_outputs(name):
    notebook = nbformat.read(runner.NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    with_outputs = [i for i, cell in enumerate(notebook.cells)
                    if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert with_outputs == [], f"{name}: clear the outputs of cells {with_outputs} before committing"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_says_the_billing_data_is_synthetic_and_takes_the_warehouse_as_a_parameter(name):
    notebook = nbformat.read(runner.NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and "synthetic" in first.source and "public-facts" in first.source
    parameters = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(parameters) == 1 and "warehouse = " in parameters[0].source


@functools.cache
def executed(warehouse: Path, spark_remote: str, name: str) -> nbformat.NotebookNode:
    path = runner.execute(runner.NOTEBOOK_DIR / f"{name}.ipynb", str(warehouse), spark_remote=spark_remote)
    return nbformat.read(path, as_version=4)


def figures(notebook: nbformat.NotebookNode) -> dict:
    return {output.data[FIGURE_MIME]["name"]: output.data[FIGURE_MIME]
            for cell in notebook.cells for output in cell.get("outputs", [])
            if FIGURE_MIME in output.get("data", {})}


def table(warehouse: Path, name: str) -> pd.DataFrame:
    return DeltaTable(str(warehouse / name)).to_pandas()


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_and_draws_its_charts(warehouse, spark_remote, name):
    notebook = executed(warehouse, spark_remote, name)
    images = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if "image/png" in output.get("data", {})]
    assert len(images) >= 2, f"{name} drew {len(images)} chart(s)"
    assert runner.tagged_image(notebook, "readme-chart") is not None


def test_01_reports_the_last_share_shift_and_concentration_of_the_tables(warehouse, spark_remote):
    reported = figures(executed(warehouse, spark_remote, "01_multicloud_shares"))
    shift = reported["share_shift_delta_pp"]
    # OpenAI's last change of terms in the bundled data is the 27 April 2026 amendment (record P13).
    assert shift["key"]["event_id"] == "P13"
    events = table(warehouse, "share_shift_events")
    row = events[(events.event_id == "P13") & (events.stream == "compute") & (events.window_months == 6)
                 & (events.reporting_currency == "USD")]
    assert len(row) == 1
    assert shift["value"] == pytest.approx(float(row.delta_pp.iloc[0]), abs=1e-9)

    effective = reported["effective_providers_latest"]
    concentration = table(warehouse, "lab_concentration_monthly")
    openai = concentration[(concentration.lab == "OpenAI") & (concentration.stream == "compute")
                           & (concentration.reporting_currency == "USD")]
    latest = openai[openai.month == openai.month.max()]
    assert effective["key"]["month"] == str(latest.month.iloc[0])
    assert effective["value"] == pytest.approx(float(latest.effective_providers.iloc[0]), abs=1e-9)


def p13_total_uplift(warehouse: Path, table_name: str, **filters) -> Decimal:
    rows = table(warehouse, table_name)
    rows = rows[(rows.event_id == "P13") & (rows.model == "frozen") & (rows.reporting_currency == "USD")]
    for column, value in filters.items():
        rows = rows[rows[column] == value]
    return sum((u for u in rows.uplift if u is not None), Decimal(0))


def test_02_headline_uplift_is_the_sum_of_the_monthly_uplift_over_every_stream(warehouse, spark_remote):
    headline = figures(executed(warehouse, spark_remote, "02_openai_azure_uplift"))["total_uplift"]
    assert headline["key"] == {"event_id": "P13", "quarter_basis": "fiscal", "currency": "USD"}
    # Quarterly rows sum the monthly ones: the monthly table gives the same total, to the cent.
    assert headline["value"] == pytest.approx(float(p13_total_uplift(warehouse, "uplift_monthly")), abs=0.01)
    assert headline["value"] == pytest.approx(
        float(p13_total_uplift(warehouse, "uplift_quarterly", quarter_basis="fiscal")), abs=0.01)


def test_02_shows_the_interval_of_the_estimates_table(warehouse, spark_remote):
    reported = figures(executed(warehouse, spark_remote, "02_openai_azure_uplift"))
    low, high = reported["compute_uplift_low"], reported["compute_uplift_high"]
    assert low["key"] == high["key"]
    key = low["key"]
    assert (key["event_id"], key["model"], key["quarter_basis"]) == ("P13", "frozen", "fiscal")
    estimates = table(warehouse, "uplift_estimates")
    row = estimates[(estimates.event_id == "P13") & (estimates.model == "frozen") & (estimates.stream == "compute")
                    & (estimates.quarter_basis == "fiscal") & (estimates.horizon == "quarter")
                    & (estimates.reporting_currency == "USD")]
    # The latest fiscal quarter of the data, the one the notebook reports.
    latest = row[row.quarter_label == row.quarter_label.max()]
    assert key["quarter_label"] == latest.quarter_label.iloc[0]
    assert low["value"] == pytest.approx(float(latest.uplift_low.iloc[0]), abs=0.01)
    assert high["value"] == pytest.approx(float(latest.uplift_high.iloc[0]), abs=0.01)
    assert low["value"] <= float(latest.uplift.iloc[0]) <= high["value"]


def test_03_headline_is_the_base_scenarios_uplift_summed_over_its_quarters(warehouse, spark_remote):
    headline = figures(executed(warehouse, spark_remote, "03_scenarios"))["cumulative_uplift"]
    projection = table(warehouse, "uplift_projection")
    base = projection[(projection.scenario_id == "base") & (projection.stream == "total")]
    assert len(base) == 8  # the bundled base scenario's horizon
    assert headline["value"] == pytest.approx(float(sum(base.uplift_usd)), abs=1e-5)


def test_04_counts_the_quarantine_and_reads_the_uplift_again_without_spark(warehouse, spark_remote):
    reported = figures(executed(warehouse, spark_remote, "04_quality_and_audit"))
    assert reported["rejected_charge_rows"]["value"] == len(table(warehouse, "rejected_charges"))
    assert reported["total_uplift_without_spark"]["value"] == pytest.approx(
        figures(executed(warehouse, spark_remote, "02_openai_azure_uplift"))["total_uplift"]["value"], abs=0.01)
