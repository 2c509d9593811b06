#!/usr/bin/python3
"""Forecasting: Stratus against statsmodels on real series and a generated panel.

For every series the last horizon is held out, then (the rolling backtest)
the last several horizons, each forecast from the points before it. Each
contender fits on the same history:
  SeasonalNaive    the last season again (the floor)
  ETS (AICc)       statsmodels ETSModel: additive or multiplicative errors, no,
                   additive or damped trend, no, additive or multiplicative
                   season; the smallest AICc
  SARIMAX (AIC)    statsmodels SARIMAX over (p,d,q) in {0,1,2}x{0,1}x{0,1,2},
                   with (0,1,1) or (1,0,0) seasonal terms when the season is 2..12;
                   the smallest AIC among fits that converged and whose forecast
                   stays within ten ranges of the history
  Theta            statsmodels ThetaModel(period=m)
  Stratus          stratus-cli automl --task forecasting (a 60-second budget) on
                   the history as a CSV, then stratus-cli forecast with the 10%
                   and 90% quantiles
MASE is scaled by the history's in-sample seasonal naive MAE; sMAPE in percent.
Prints, per series, each contender's mean MASE and sMAPE over the origins and
its fit seconds, then the means; and Stratus's 80% band coverage.

usage: bench/forecast_benchmark.py [--origins N] [--panel-series N] [--panel-origins N] [--jobs N] [--budget S] [--only NAME,..]
The CLI is $STRATUS_CLI, else build/release/app/cli/stratus-cli.
"""
import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
from statsmodels.datasets import co2, macrodata, nile, sunspots  # noqa: E402
from statsmodels.tsa.exponential_smoothing.ets import ETSModel  # noqa: E402
from statsmodels.tsa.forecasting.theta import ThetaModel  # noqa: E402
from statsmodels.tsa.statespace.sarimax import SARIMAX  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("STRATUS_CLI", os.path.join(ROOT, "build/release/app/cli/stratus-cli"))


def real_series():
    """(name, dates, values, season, horizon, freq alias) of statsmodels' datasets."""
    out = []
    c = co2.load_pandas().data["co2"]
    c = c.ffill()  # 59 missing weeks, carried forward as Stratus's grid does
    out.append(("co2 (weekly)", c.index, c.values, 52, 52, "W-SAT"))
    m = macrodata.load_pandas().data
    q = pd.date_range("1959-01-01", periods=len(m), freq="QS-JAN")
    out.append(("realgdp (quarterly)", q, m["realgdp"].values, 4, 8, "QS-JAN"))
    out.append(("cpi (quarterly)", q, m["cpi"].values, 4, 8, "QS-JAN"))
    s = sunspots.load_pandas().data
    out.append(("sunspots (yearly)", pd.to_datetime(s["YEAR"].astype(int).astype(str) + "-01-01"), s["SUNACTIVITY"].values, 1, 10, "YS-JAN"))
    n = nile.load_pandas().data
    out.append(("nile (yearly)", pd.to_datetime(n["year"].astype(int).astype(str) + "-01-01"), n["volume"].values, 1, 10, "YS-JAN"))
    return out


def panel(count, days=730, seed=7):
    """`count` stores' daily sales: weekly and yearly seasons, a trend, holidays (a known-future feature)."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2022-01-03", periods=days, freq="D")
    holidays = np.isin(dates.strftime("%m-%d"), ["01-01", "05-01", "07-04", "11-25", "12-25", "12-31"]).astype(int)
    frames = []
    for s in range(count):
        level = rng.uniform(50, 500)
        weekly = rng.uniform(0.05, 0.3) * level * np.sin(2 * np.pi * (dates.dayofweek.values + rng.uniform(0, 7)) / 7)
        yearly = rng.uniform(0.05, 0.2) * level * np.sin(2 * np.pi * (np.arange(days) / 365.25 + rng.uniform()))
        trend = rng.uniform(-0.2, 0.5) * level / days * np.arange(days)
        noise = rng.normal(0, rng.uniform(0.03, 0.1) * level, days)
        y = level + weekly + yearly + trend + noise - holidays * rng.uniform(0.3, 0.6) * level
        frames.append(pd.DataFrame({"date": dates, "store": f"S{s:02d}", "sales": np.round(y, 2), "holiday": holidays}))
    return pd.concat(frames, ignore_index=True)


def mase(actual, forecast, history, m):
    lag = m if m > 1 and len(history) > m else 1
    scale = np.mean(np.abs(history[lag:] - history[:-lag]))
    return np.mean(np.abs(actual - forecast)) / scale


def smape(actual, forecast):
    d = np.abs(actual) + np.abs(forecast)
    return 100 * np.mean(np.where(d > 0, 2 * np.abs(actual - forecast) / np.where(d > 0, d, 1), 0))


def seasonal_naive(y, m, h):
    if m <= 1 or len(y) <= m:
        return np.repeat(y[-1], h)
    return np.array([y[len(y) - m + (i % m)] for i in range(h)])


def ets_aicc(y, m, h):
    best = None
    positive = np.all(y > 0)
    for error in ["add", "mul"] if positive else ["add"]:
        for trend, damped in [(None, False), ("add", False), ("add", True)]:
            for seasonal in ([None, "add"] + (["mul"] if positive else [])) if 1 < m and len(y) >= 2 * m else [None]:
                try:
                    r = ETSModel(y, error=error, trend=trend, damped_trend=damped, seasonal=seasonal,
                                 seasonal_periods=m if seasonal else None).fit(disp=False, maxiter=2000)
                    if np.isfinite(r.aicc) and (best is None or r.aicc < best.aicc):
                        best = r
                except Exception:  # a configuration that does not fit this series
                    pass
    return best.forecast(h)


def sarimax_aic(y, m, h):
    best = None
    seasonal_terms = [(0, 0, 0, 0)] + ([(0, 1, 1, m), (1, 0, 0, m)] if 1 < m <= 12 else [])
    for p in (0, 1, 2):
        for d in (0, 1):
            for q in (0, 1, 2):
                for s in seasonal_terms:
                    try:
                        r = SARIMAX(y, order=(p, d, q), seasonal_order=s, trend="c" if d == 0 else "n").fit(disp=False)
                        converged = r.mle_retvals.get("converged", True) if r.mle_retvals else True
                        if not converged or not np.isfinite(r.aic) or (best is not None and r.aic >= best[0].aic):
                            continue
                        # A fit whose forecast runs away (outside ten ranges of the history) is left out.
                        f = r.forecast(h)
                        spread = np.ptp(y) if np.ptp(y) > 0 else 1.0
                        if np.all(np.isfinite(f)) and np.all(np.abs(f - y[-1]) <= 10 * spread):
                            best = (r, f)
                    except Exception:
                        pass
    return best[1] if best is not None else seasonal_naive(y, m, h)


def theta(y, m, h):
    return ThetaModel(y, period=m, deseasonalize=m > 1).fit().forecast(h)


PEERS = {"SeasonalNaive": seasonal_naive, "ETS (AICc)": ets_aicc, "SARIMAX (AIC)": sarimax_aic, "Theta": theta}


def stratus(frame, future, horizon, freq, ids, budget, work):
    """Trains on `frame` (date, [store], y, ...), forecasts `future`; (mean, q10, q90) per future row."""
    train = os.path.join(work, "train.csv")
    frame.to_csv(train, index=False, date_format="%Y-%m-%d")
    ws = os.path.join(work, "bench.stratus")
    if os.path.exists(ws):
        os.remove(ws)
    cmd = [CLI, "--workspace", ws, "automl", "--task", "forecasting", "--train", train, "--label", "y", "--time-column", "date",
           "--horizon", str(horizon), "--frequency", freq, "--budget-seconds", str(budget), "--json"]
    if ids:
        cmd += ["--series-id", ",".join(ids)]
    run = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    fut = os.path.join(work, "future.csv")
    out = os.path.join(work, "out.csv")
    future.to_csv(fut, index=False, date_format="%Y-%m-%d")
    subprocess.run([CLI, "--workspace", ws, "forecast", "--run", run["parent_run_id"], "--input", fut, "--output", out,
                    "--quantiles", "0.1,0.9"], check=True, capture_output=True, text=True)
    got = pd.read_csv(out)
    best = next(r["algorithm"] for r in run["leaderboard"] if r["run_id"] == run["best_child_run_id"])
    return got["forecast"].values, got["forecast_q0.1"].values, got["forecast_q0.9"].values, best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--origins", type=int, default=4, help="held-out horizons per series (the last, then earlier ones)")
    ap.add_argument("--panel-series", type=int, default=50)
    ap.add_argument("--panel-origins", type=int, default=2, help="held-out horizons of the panel (its SARIMAX grid is slow)")
    ap.add_argument("--jobs", type=int, default=2, help="processes fitting the peers on the panel's series")
    ap.add_argument("--budget", type=int, default=60)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    if not os.access(CLI, os.X_OK):
        sys.exit(f"no stratus-cli at {CLI}: build first (cmake --build --preset release) or set STRATUS_CLI")
    contenders = list(PEERS) + ["Stratus"]
    rows = []  # (series, contender, mase, smape, seconds)
    coverage = []  # Stratus: inside the 80% band
    chosen = {}
    work = tempfile.mkdtemp(prefix="stratus-forecast-")
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    series = real_series()
    for name, dates, values, m, h, freq in series:
        if only and not any(o in name for o in only):
            continue
        for k in range(args.origins):
            end = len(values) - h * (k + 1)
            hist, actual = values[:end], values[end:end + h]
            for c in PEERS:
                t = time.perf_counter()
                f = np.asarray(PEERS[c](hist, m, h))
                rows.append((name, c, mase(actual, f, hist, m), smape(actual, f), time.perf_counter() - t))
            t = time.perf_counter()
            frame = pd.DataFrame({"date": dates[:end], "y": hist})
            future = pd.DataFrame({"date": dates[end:end + h]})
            f, lo, hi, best = stratus(frame, future, h, freq, [], args.budget, work)
            rows.append((name, "Stratus", mase(actual, f, hist, m), smape(actual, f), time.perf_counter() - t))
            coverage.extend(((actual >= lo) & (actual <= hi)).tolist())
            chosen.setdefault(name, []).append(best)
        print(f"{name}: done", file=sys.stderr)

    if args.panel_series > 0 and (not only or "panel" in only):
        p = panel(args.panel_series).rename(columns={"sales": "y"})
        h, m = 14, 7
        dates = sorted(p["date"].unique())
        pool = multiprocessing.Pool(args.jobs)
        for k in range(args.panel_origins):
            cut = dates[len(dates) - h * (k + 1)]
            last = dates[len(dates) - h * k - 1]
            hist_frame = p[p["date"] < cut]
            test = p[(p["date"] >= cut) & (p["date"] <= last)]
            for c in PEERS:
                t = time.perf_counter()
                groups = [(s, g["y"].values) for s, g in hist_frame.groupby("store")]
                forecasts = pool.starmap(PEERS[c], [(hist, m, h) for _, hist in groups])
                scores = []
                for (s, hist), f in zip(groups, forecasts):
                    actual = test[test["store"] == s]["y"].values
                    scores.append((mase(actual, np.asarray(f), hist, m), smape(actual, np.asarray(f))))
                # fit seconds a series, on one core (the pool runs --jobs at once)
                rows.append((f"panel of {args.panel_series} (daily)", c, np.mean([a for a, _ in scores]),
                             np.mean([b for _, b in scores]), (time.perf_counter() - t) * args.jobs / len(groups)))
            t = time.perf_counter()
            f, lo, hi, best = stratus(hist_frame, test.drop(columns=["y"]), h, "D", ["store"], args.budget, work)
            got = test.assign(f=f, lo=lo, hi=hi)
            scores = []
            for s, g in got.groupby("store"):
                hist = hist_frame[hist_frame["store"] == s]["y"].values
                scores.append((mase(g["y"].values, g["f"].values, hist, m), smape(g["y"].values, g["f"].values)))
                coverage.extend(((g["y"] >= g["lo"]) & (g["y"] <= g["hi"])).tolist())
            rows.append((f"panel of {args.panel_series} (daily)", "Stratus", np.mean([a for a, _ in scores]),
                         np.mean([b for _, b in scores]), (time.perf_counter() - t) / len(scores)))
            chosen.setdefault("panel", []).append(best)
        print("panel: done", file=sys.stderr)

    df = pd.DataFrame(rows, columns=["series", "contender", "mase", "smape", "seconds"])
    table = df.groupby(["series", "contender"], sort=False).agg(mase=("mase", "mean"), smape=("smape", "mean"), seconds=("seconds", "mean"))
    names = list(dict.fromkeys(df["series"]))
    head = "| series | " + " | ".join(f"{c} MASE / sMAPE (s)" for c in contenders) + " |"
    print(head)
    print("|" + " --- |" * (len(contenders) + 1))
    for n in names:
        cells = []
        best = min(table.loc[(n, c), "mase"] for c in contenders)
        for c in contenders:
            r = table.loc[(n, c)]
            mark = "**" if r["mase"] == best else ""
            cells.append(f"{mark}{r['mase']:.3f}{mark} / {r['smape']:.2f} ({r['seconds']:.2f})")
        print(f"| {n} | " + " | ".join(cells) + " |")
    real = [n for n in names if not n.startswith("panel")]
    for label, group in (("mean of the real series", real), ("panel", [n for n in names if n.startswith("panel")])):
        if group:
            print(f"| {label} | " + " | ".join(f"{np.mean([table.loc[(n, c), 'mase'] for n in group]):.3f} / "
                                                f"{np.mean([table.loc[(n, c), 'smape'] for n in group]):.2f}" for c in contenders) + " |")
    print(f"\nStratus's 80% band covered {100 * np.mean(coverage):.1f}% of {len(coverage)} held-out points "
          f"({args.origins} origins per real series, {args.panel_origins} for the panel).")
    print("Seconds: the mean fit (and forecast) time per origin for a real series, per series and origin for the panel "
          "(Stratus: its whole run, every algorithm and the ensemble, on 2 cores, and the forecast command).")
    print("Stratus's models: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in chosen.items()))


if __name__ == "__main__":
    main()
