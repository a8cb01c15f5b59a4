#!/usr/bin/env python3
"""cloudshift's benchmark: ingest, the gold stages and an incremental month, against DuckDB.

Run it from the repository root through ``bin/bench`` (which prepares the virtualenv):

    bin/bench --rows 10M            # 36 months of synthetic FOCUS Parquet, 3 timed runs of each figure
    bin/bench --rows 40M --runs 3

What it does, in order:

1. Generates the data with ``cloudshift generate`` (not timed) unless it is already there: every
   configured provider's export as FOCUS Parquet, ``--rows`` rows over 36 billing months, under
   ``bench-data/<rows>/36m``; and the same rows per month over the last 3 months under
   ``bench-data/<rows>/3m`` (for the incremental figure). A config written beside the data points
   cloudshift's exports at it; the FinOps sample is left out.
2. Per run (``--runs``, default 3), into a fresh warehouse each time: ``cloudshift run-all`` on the
   36 months. From its summary it takes the ``ingest`` stage's seconds (rows/s = rows read / s) and
   the gold stages' (shares + uplift + project + reconcile); it also keeps the whole process's wall
   time and peak RSS.
   Each run-all is followed by the engine's floor for ingest (``bench/plain_copy.py``): plain Spark
   copying the same Parquet files into a Delta table partitioned as silver ``charges``, through the
   same ``spark-submit``, master, driver memory and driver JVM options, so the two are measured side by side.
3. The incremental month: ``cloudshift run-all --period <last month>`` on the warehouse of the last
   full run (36 months) and on one holding 3 months (built once, untimed), ``--runs`` times each;
   the figure is the stages' seconds, and the ratio 36 months / 3 months; ``--no-incremental``
   leaves it out (and the 3-month data).
4. DuckDB (``bench/duckdb_reference.py``, pinned in bench/requirements.txt) computing the same
   monthly aggregate and shares from the same files, ``--runs`` times in one process.

It prints a table with medians and min-max, the ratios (ingest / copy, run-all / DuckDB, gold /
DuckDB) and peak RSS, and writes it to ``bench-results/<rows>.md`` (and the raw figures to
``.json``). With ``--scale-from bench-results/10M.json`` it adds each figure's ratio to that
earlier run (time at this size / time at that one). Every figure is from this run on this machine;
a busy machine shows as a wide min-max.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVIDER_EXPORTS = ["azure-focus", "aws-focus", "gcp-focus", "oci-focus", "coreweave-focus"]
PROVIDER_OF = {"azure-focus": "azure", "aws-focus": "aws", "gcp-focus": "gcp", "oci-focus": "oci", "coreweave-focus": "coreweave"}
LAST_MONTH = "2026-09"
FIRST_OF_36 = "2023-10"
FIRST_OF_3 = "2026-07"
STAGE_LINE = re.compile(r"^\s+(ingest|shares|uplift|project|reconcile)\s+(SUCCEEDED|FAILED)\s+([0-9.]+) s", re.M)
EXPORT_LINE = re.compile(r"^\s+export (\S+)\s+([0-9,]+) read", re.M)
OWNED = ".cloudshift-bench"
GOLD = ["shares", "uplift", "project", "reconcile"]


def rows_arg(text: str) -> int:
    """10M, 40M, 1.5M, 250k or a plain number."""
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([kKmM]?)", text)
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a row count (use e.g. 10M, 250k, 1000000)")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def label(rows: int) -> str:
    return f"{rows // 1_000_000}M" if rows % 1_000_000 == 0 else str(rows)


def cloudshift(args: list[str], log: Path) -> tuple[float, float, str]:
    """Runs bin/cloudshift; returns wall seconds, peak RSS in MiB (the JVM) and what it printed."""
    start = time.monotonic()
    with open(log, "ab") as out:
        # No class-data archive: its first run-all is slower once (it records the archive), which would
        # land in one run's figures; at these sizes its ~8 s a run is within the spread anyway.
        env = {**os.environ, "CLOUDSHIFT_CDS": "off"}
        process = subprocess.Popen([str(ROOT / "bin" / "cloudshift"), *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=out, env=env)
        stdout = process.stdout.read()
        # wait4 rather than wait: it also returns the process's resource use (bin/cloudshift execs the JVM).
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    text = stdout.decode()
    with open(log, "a") as out:
        out.write(text)
    if process.returncode != 0:
        sys.exit(f"bench: cloudshift {' '.join(args)} failed (exit {process.returncode}); see {log}")
    return wall, usage.ru_maxrss / 1024, text


def driver_java_options() -> str:
    """The JVM options bin/cloudshift gives the driver, so the copy runs under the same JVM."""
    if "CLOUDSHIFT_JAVA_OPTIONS" in os.environ:
        return os.environ["CLOUDSHIFT_JAVA_OPTIONS"]
    lines = (ROOT / "conf" / "driver-java-options").read_text().splitlines()
    return " ".join(line.strip() for line in lines if not line.strip().startswith("#"))


def plain_copy(exports: list[Path], output: Path, log: Path) -> float:
    """The engine's floor (bench/plain_copy.py) into `output`, a folder the benchmark owns; its seconds."""
    fresh(output)
    jar = os.environ.get("CLOUDSHIFT_JAR", str(ROOT / "target" / "cloudshift.jar"))
    command = [str(ROOT / ".venv" / "bin" / "spark-submit"),
               "--master", os.environ.get("CLOUDSHIFT_MASTER", "local[*]"),
               "--driver-memory", os.environ.get("CLOUDSHIFT_DRIVER_MEMORY", "4g"),
               "--driver-java-options", f"-Dlog4j2.configurationFile=file:{ROOT / 'conf' / 'log4j2.properties'} {driver_java_options()}",
               "--conf", "spark.ui.showConsoleProgress=false",
               "--jars", jar, str(ROOT / "bench" / "plain_copy.py"), "--output", str(output / "charges"), *map(str, exports)]
    env = {**os.environ, "PYSPARK_PYTHON": str(ROOT / ".venv" / "bin" / "python")}
    with open(log, "ab") as err:
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, env=env)
    text = done.stdout.decode()
    with open(log, "a") as out:
        out.write(text)
    match = re.search(r"^copy_s=([0-9.]+) rows=([0-9]+)$", text, re.M)
    if done.returncode != 0 or not match:
        sys.exit(f"bench: the plain Spark copy failed (exit {done.returncode}); see {log}")
    return float(match.group(1))


def stages(summary: str) -> dict[str, float]:
    return {name: float(seconds) for name, status, seconds in STAGE_LINE.findall(summary)}


def charge_rows(summary: str) -> int:
    """Charge rows read (the exports' lines of the run summary; reference inputs left out)."""
    return sum(int(n.replace(",", "")) for _, n in EXPORT_LINE.findall(summary))


def remove_owned(path: Path) -> None:
    """Deletes `path` if the benchmark created it (it holds a file the benchmark wrote); anything else
    already there is the user's, and it stops."""
    if path.exists():
        if not (path / OWNED).is_file():
            sys.exit(f"bench: {path} exists and was not created by the benchmark; remove it or pass another --data")
        shutil.rmtree(path)


def own(path: Path) -> Path:
    (path / OWNED).write_text("created by bench/bench.py; it deletes and rewrites this folder\n")
    return path


def fresh(path: Path) -> Path:
    """An empty folder at `path` for the benchmark to write into (see remove_owned)."""
    remove_owned(path)
    path.mkdir(parents=True)
    return own(path)


def write_config(data: Path, exports_root: Path, name: str) -> Path:
    """The bundled providers and rules, with every provider's export as Parquet under `exports_root`."""
    exports = ",\n".join(
        f'    {{ id = {e}, provider = {PROVIDER_OF[e]}, format = parquet, path = "{exports_root / e}" }}' for e in PROVIDER_EXPORTS)
    conf = data / name
    conf.write_text(f"# Written by bench/bench.py: the bundled configuration's exports as Parquet, under {exports_root}.\n"
                    f"cloudshift.exports = [\n{exports}\n]\n")
    return conf


def generate(data: Path, rows: int, first: str) -> Path:
    """The benchmark's exports under data/focus, generated unless there; the config that reads them."""
    data.mkdir(parents=True, exist_ok=True)
    conf = write_config(data, data / "focus", "bench.conf")
    marker = data / "focus" / ".generated"
    wanted = f"rows={rows} from={first} to={LAST_MONTH}"
    if marker.exists() and marker.read_text() == wanted:
        print(f"bench: reusing {data / 'focus'} ({wanted})")
        return conf
    remove_owned(data / "focus")
    # generate never writes where its configuration reads exports from: it is given the same exports
    # (Parquet) read from the bundled folders, and writes each to data/focus/<export id>.
    generate_conf = write_config(data, ROOT / "datasets" / "focus", "generate.conf")
    print(f"bench: generating {wanted} into {data / 'focus'} (not timed)")
    cloudshift(["generate", "-c", "conf/cloudshift.conf", "-c", str(generate_conf), "--rows", str(rows), "--from", first, "--to", LAST_MONTH,
                "--output", str(data / "focus")], data / "generate.log")
    own(data / "focus")
    marker.write_text(wanted)
    return conf


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def fmt(figure: dict[str, float], unit: str = "s") -> str:
    return f"{figure['median']:.1f} {unit} ({figure['min']:.1f} – {figure['max']:.1f})"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=rows_arg, default=rows_arg("10M"), help="charge rows over 36 months (default 10M)")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each figure (default 3)")
    p.add_argument("--data", type=Path, default=ROOT / "bench-data", help="where data and warehouses go (default bench-data/)")
    p.add_argument("--scale-from", type=Path, metavar="JSON",
                   help="an earlier run's figures (bench-results/<rows>.json): adds this run's time / that run's for each figure")
    p.add_argument("--no-incremental", action="store_true",
                   help="leave out the incremental month (and the 3-month data it needs): for a one-off run at a large size")
    args = p.parse_args()
    earlier = json.loads(args.scale_from.read_text()) if args.scale_from else None
    base = args.data / label(args.rows)
    long_data, short_data = base / "36m", base / "3m"
    long_data.mkdir(parents=True, exist_ok=True)
    log = base / "bench.log"
    long_conf = generate(long_data, args.rows, FIRST_OF_36)
    config = lambda conf: ["-c", "conf/cloudshift.conf", "-c", str(conf)]

    exports = [long_data / "focus" / e for e in PROVIDER_EXPORTS]
    ingest, gold, walls, copies, rss, rows_read = [], [], [], [], [], 0
    for run in range(args.runs):
        warehouse = fresh(base / "warehouse-full")
        wall, peak, summary = cloudshift(["run-all", *config(long_conf), "-w", str(warehouse)], log)
        s = stages(summary)
        ingest.append(s["ingest"])
        gold.append(sum(s[g] for g in GOLD))
        walls.append(wall)
        rss.append(peak)
        rows_read = charge_rows(summary)
        print(f"bench: run-all {run + 1}/{args.runs}: ingest {s['ingest']:.1f} s, gold {gold[-1]:.1f} s, wall {wall:.1f} s, peak RSS {peak:.0f} MiB")
        copies.append(plain_copy(exports, base / "plain-copy", log))
        print(f"bench: plain Spark copy {run + 1}/{args.runs}: {copies[-1]:.1f} s")

    incremental = {}
    if not args.no_incremental:
        short_data.mkdir(parents=True, exist_ok=True)
        short_conf = generate(short_data, args.rows * 3 // 36, FIRST_OF_3)
        # The last full run's warehouse holds the 36 months; the 3-month one is built once, untimed.
        short_warehouse = fresh(base / "warehouse-3m")
        cloudshift(["run-all", *config(short_conf), "-w", str(short_warehouse)], log)
        for name, conf, warehouse in (("36 months", long_conf, base / "warehouse-full"), ("3 months", short_conf, short_warehouse)):
            seconds = []
            for run in range(args.runs):
                _, _, summary = cloudshift(["run-all", *config(conf), "-w", str(warehouse), "--period", LAST_MONTH], log)
                seconds.append(sum(stages(summary).values()))
                print(f"bench: run-all --period {LAST_MONTH} with {name} of history {run + 1}/{args.runs}: {seconds[-1]:.1f} s")
            incremental[name] = spread(seconds)

    duck_json = base / "duckdb.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / "duckdb_reference.py"), *config(long_conf), "--runs", str(args.runs),
                    "--output", str(duck_json)], cwd=ROOT, check=True, stdout=open(log, "a"))
    duck = json.loads(duck_json.read_text())

    figures = {
        "rows": rows_read,
        "ingest_s": spread(ingest),
        "ingest_rows_per_s": spread([rows_read / s for s in ingest]),
        "gold_s": spread(gold),
        "run_all_wall_s": spread(walls),
        "run_all_peak_rss_mib": max(rss),
        "plain_copy_s": spread(copies),
        "duckdb_s": spread(duck["runs_s"]),
        "duckdb_peak_rss_mib": duck["peak_rss_mb"],
        "duckdb_version": duck["duckdb_version"],
    }
    if incremental:
        figures["incremental_36m_s"] = incremental["36 months"]
        figures["incremental_3m_s"] = incremental["3 months"]
    median = lambda name: figures[name]["median"]
    ratios = {
        "ingest / plain Spark copy": median("ingest_s") / median("plain_copy_s"),
        "`run-all` (whole process) / DuckDB": median("run_all_wall_s") / median("duckdb_s"),
        "gold stages / DuckDB": median("gold_s") / median("duckdb_s"),
    }
    if incremental:
        ratios["incremental month, 36 / 3 months of history"] = median("incremental_36m_s") / median("incremental_3m_s")
    figures["ratios"] = ratios
    timed = [("`ingest` stage", "ingest_s"), ("plain Spark copy", "plain_copy_s"), ("gold stages", "gold_s"),
             ("`run-all`, whole process", "run_all_wall_s"), ("incremental month, 36 months of history", "incremental_36m_s"),
             ("incremental month, 3 months of history", "incremental_3m_s"), ("DuckDB", "duckdb_s")]
    scaling = []
    if earlier:
        scaling = ["", f"Against {args.scale_from} ({earlier['rows']:,} rows; {rows_read / earlier['rows']:.2f}× the rows): "
                   "time here / time there, medians", "", "| figure | ratio |", "|---|---|"]
        scaling += [f"| {name} | {median(key) / earlier[key]['median']:.2f}× |" for name, key in timed if key in earlier and key in figures]
    incremental_rows = [
        f"| incremental month (`run-all --period {LAST_MONTH}`), 36 months of history | {fmt(figures['incremental_36m_s'])} |",
        f"| incremental month, 3 months of history | {fmt(figures['incremental_3m_s'])} |",
    ] if incremental else []
    table = "\n".join([
        f"# cloudshift benchmark, {rows_read:,} charge rows (FOCUS Parquet, 5 exports, 36 months), {args.runs} runs",
        "",
        "| figure | median (min – max) |",
        "|---|---|",
        f"| `ingest` stage | {fmt(figures['ingest_s'])}: {figures['ingest_rows_per_s']['median']:,.0f} rows/s |",
        f"| gold stages (shares + uplift + project + reconcile) | {fmt(figures['gold_s'])} |",
        f"| `run-all`, whole process | {fmt(figures['run_all_wall_s'])}, peak RSS {figures['run_all_peak_rss_mib']:.0f} MiB |",
        f"| plain Spark copy of the same files into a partitioned Delta table (the floor for ingest) | {fmt(figures['plain_copy_s'])} |",
        *incremental_rows,
        f"| DuckDB {figures['duckdb_version']}: monthly aggregate + shares from the files | {fmt(figures['duckdb_s'])}, peak RSS {figures['duckdb_peak_rss_mib']:.0f} MiB |",
        "",
        *[f"- {name}: **{ratio:.2f}×**" for name, ratio in ratios.items()],
        *scaling,
        "",
    ])
    print("\n" + table)
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / f"{label(args.rows)}.md").write_text(table)
    (results / f"{label(args.rows)}.json").write_text(json.dumps(figures, indent=2))
    print(f"bench: written to {results / (label(args.rows) + '.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
