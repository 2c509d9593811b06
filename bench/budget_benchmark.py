#!/usr/bin/python3
"""Budget benchmark: how well Stratus's AutoML spends a time budget on real-size data.

Generated datasets (scikit-learn's make_classification / make_regression, 40
features of which 12 informative, seed 2026), each split once into a training
part (80%) and a held-out part (20%):

    binary     100,000 x 40, classes 80/20          AUC (= AUC_weighted for two classes)
    multiclass 100,000 x 40, 5 classes              AUC_weighted (one-vs-rest, weighted by support)
    regression 100,000 x 40                         RMSE
    binary-1m  1,000,000 x 40, classes 80/20        AUC
    wide        20,000 x 500, classes 80/20         AUC

Stratus runs `stratus-cli automl --train` on the training part with each
budget (`--budget-seconds`, default 5, 30, 60 and 300; seed 1) and its
handed-back model predicts the held-out part (`predict --proba`). Peers are
fitted once on the same training rows in the same run (2 threads each):
XGBoost with its defaults, HistGradientBoosting with its defaults,
RandomForest (500 trees), LogisticRegression (scaled) or Ridge, and XGBoost
with a 20-trial random search (hist trees; each trial scored on a 20% split
of the training part, the best refitted on all of it; its fit time includes
the search). RandomForest and the search are skipped above 200,000 training
rows (--slow-peers-max-rows): on a million rows they take hours on 2 cores. Prints, per dataset, every contender's held-out score and wall time,
and Stratus's trials, the share of its budget spent on canceled trials and the
model it handed back; draws Stratus's held-out score against its wall time
with the peers as points (PNG, one panel per dataset).

    bench/budget_benchmark.py [--datasets binary,multiclass,...] [--budgets 5,30,60,300]
                              [--out DIR] [--stratus-only] [--peers-from RESULTS_JSON] [--keep]
                              [--slow-peers-max-rows N]
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.stats import loguniform, randint, uniform
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import (HistGradientBoostingClassifier, HistGradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import mean_squared_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier, XGBRegressor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# STRATUS_CLI: another build to measure (a copy, so that rebuilding does not change it mid-run).
CLI = os.environ.get("STRATUS_CLI", os.path.join(ROOT, "build", "release", "app", "cli", "stratus-cli"))
SEED = 2026
THREADS = 2

DATASETS = {
    "binary": dict(kind="binary", rows=100_000, cols=40),
    "multiclass": dict(kind="multiclass", rows=100_000, cols=40),
    "regression": dict(kind="regression", rows=100_000, cols=40),
    "binary-1m": dict(kind="binary", rows=1_000_000, cols=40),
    "wide": dict(kind="binary", rows=20_000, cols=500),
}


def generate(spec):
    kind, rows, cols = spec["kind"], spec["rows"], spec["cols"]
    if kind == "regression":
        x, y = make_regression(n_samples=rows, n_features=cols, n_informative=12, noise=20.0, random_state=SEED)
        # A little nonlinearity, as real targets have.
        y = y + 30.0 * np.sin(x[:, 0]) + 10.0 * x[:, 1] * x[:, 2]
        return train_test_split(x, y, test_size=0.2, random_state=SEED)
    classes = 2 if kind == "binary" else 5
    weights = [0.8, 0.2] if classes == 2 else None
    x, y = make_classification(n_samples=rows, n_features=cols, n_informative=12, n_redundant=4, n_classes=classes,
                               weights=weights, random_state=SEED)
    return train_test_split(x, y, test_size=0.2, random_state=SEED, stratify=y)


def write_csv(path, x, y):
    header = ",".join(f"x{i}" for i in range(x.shape[1])) + ",y"
    with open(path, "w") as f:
        f.write(header + "\n")
        for start in range(0, len(x), 50_000):
            block = np.column_stack([x[start:start + 50_000], y[start:start + 50_000]])
            fmt = ["%.6g"] * x.shape[1] + (["%.6g"] if y.dtype.kind == "f" else ["%d"])
            np.savetxt(f, block, fmt=fmt, delimiter=",")


def score(kind, y, predicted):
    """AUC (binary), weighted one-vs-rest AUC (multiclass) or RMSE (regression)."""
    if kind == "regression":
        return float(np.sqrt(mean_squared_error(y, predicted)))
    if kind == "binary":
        return float(roc_auc_score(y, predicted[:, 1]))
    return float(roc_auc_score(y, predicted, multi_class="ovr", average="weighted"))


def better(kind, a, b):
    return a < b if kind == "regression" else a > b


def peers(kind):
    if kind == "regression":
        return {
            "XGBoost (defaults)": lambda: XGBRegressor(n_jobs=THREADS, random_state=SEED, verbosity=0),
            "HistGradientBoosting": lambda: HistGradientBoostingRegressor(random_state=SEED),
            "RandomForest (500)": lambda: RandomForestRegressor(n_estimators=500, n_jobs=THREADS, random_state=SEED),
            "Ridge": lambda: make_pipeline(StandardScaler(), Ridge()),
        }
    return {
        "XGBoost (defaults)": lambda: XGBClassifier(n_jobs=THREADS, random_state=SEED, verbosity=0),
        "HistGradientBoosting": lambda: HistGradientBoostingClassifier(random_state=SEED),
        "RandomForest (500)": lambda: RandomForestClassifier(n_estimators=500, n_jobs=THREADS, random_state=SEED),
        "LogisticRegression": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
    }


def predict(kind, model, x):
    return model.predict(x) if kind == "regression" else model.predict_proba(x)


def xgboost_search(kind, x, y, trials=20):
    """20 random XGBoost settings (hist trees), each scored on a 20% split of the training part; the best refitted on all."""
    rng = np.random.default_rng(SEED)
    space = dict(n_estimators=randint(50, 600), max_depth=randint(2, 9), learning_rate=loguniform(0.01, 0.3),
                 subsample=uniform(0.5, 0.5), colsample_bytree=uniform(0.5, 0.5), min_child_weight=loguniform(0.5, 10))
    stratify = None if kind == "regression" else y
    xa, xb, ya, yb = train_test_split(x, y, test_size=0.2, random_state=SEED, stratify=stratify)
    make = XGBRegressor if kind == "regression" else XGBClassifier
    best, best_params = None, None
    for _ in range(trials):
        params = {k: (int(v.rvs(random_state=rng)) if k in ("n_estimators", "max_depth") else float(v.rvs(random_state=rng)))
                  for k, v in space.items()}
        model = make(n_jobs=THREADS, random_state=SEED, verbosity=0, tree_method="hist", **params).fit(xa, ya)
        s = score(kind, yb, predict(kind, model, xb))
        if best is None or better(kind, s, best):
            best, best_params = s, params
    return make(n_jobs=THREADS, random_state=SEED, verbosity=0, tree_method="hist", **best_params).fit(x, y)


def run_stratus(kind, work, train_path, test_path, y_test, budget):
    ws = os.path.join(work, f"ws-{budget}.stratus")
    log = os.path.join(work, f"log-{budget}.txt")
    start = time.monotonic()
    done = subprocess.run([CLI, "--workspace", ws, "automl", "--train", train_path, "--label", "y",
                           "--task", "regression" if kind == "regression" else "classification",
                           "--budget-seconds", str(budget), "--seed", "1", "--json", "--debug-log", log],
                          capture_output=True, text=True)
    wall = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"stratus-cli automl failed ({budget} s): {done.stderr}")
    result = json.loads(done.stdout)
    out = os.path.join(work, f"predicted-{budget}.csv")
    subprocess.run([CLI, "--workspace", ws, "predict", "--run", result["parent_run_id"], "--input", test_path,
                    "--output", out, "--proba"], check=True, capture_output=True)
    with open(out) as f:
        rows = list(csv.DictReader(f))
    if kind == "regression":
        column = "prediction" if "prediction" in rows[0] else "y"  # the label's name
        predicted = np.array([float(r[column]) for r in rows])
    else:
        classes = sorted({int(v) for v in y_test})
        # A 0/1 label is read as a boolean and answers false/true (the README's value rules).
        names = [f"proba_{c}" for c in classes]
        if names[0] not in rows[0] and classes == [0, 1]:
            names = ["proba_false", "proba_true"]
        predicted = np.array([[float(r[n]) for n in names] for r in rows])
    board = result["leaderboard"]
    best = next(r for r in board if r["run_id"] == result["best_child_run_id"])
    scheduler = result.get("scheduler") or {}
    if "canceled_share" in scheduler:  # thread-seconds of canceled trials / (budget x the profile's cores)
        canceled_share = scheduler["canceled_share"]
    else:
        canceled_share = sum(r.get("duration_seconds", 0) or 0 for r in board if r["status"] == "Canceled") / budget
    return dict(score=score(kind, y_test, predicted), wall=wall, trials=sum(r["status"] == "Completed" for r in board),
                canceled_share=canceled_share, skipped=len(scheduler.get("skipped", [])),
                validation=best.get(result["primary_metric"]), model=best["algorithm"], log=log)


def plot(results, peers_by_dataset, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    names = list(results)
    fig, axes = plt.subplots(1, len(names), figsize=(4.2 * len(names), 3.6), squeeze=False)
    for ax, name in zip(axes[0], names):
        kind = DATASETS[name]["kind"]
        points = sorted(results[name].items())
        ax.plot([p[1]["wall"] for p in points], [p[1]["score"] for p in points], "o-", color="#005a9e", label="Stratus")
        for (peer, (s, t)), marker in zip(peers_by_dataset.get(name, {}).items(), "sD^vP*"):
            ax.plot([t], [s], marker, label=peer)
        ax.set_xscale("log")
        ax.set_xlabel("wall time (s)")
        ax.set_ylabel("held-out RMSE (lower is better)" if kind == "regression" else "held-out AUC")
        ax.set_title(name)
        ax.grid(alpha=0.3)
    axes[0][0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--budgets", default="5,30,60,300")
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "budget-benchmark"))
    parser.add_argument("--stratus-only", action="store_true", help="skip the peers")
    parser.add_argument("--peers-from", metavar="RESULTS_JSON",
                        help="take the peers' figures from an earlier run's results.json (the same generated data) "
                             "instead of fitting them again")
    parser.add_argument("--keep", action="store_true", help="keep the generated files and workspaces")
    parser.add_argument("--slow-peers-max-rows", type=int, default=200_000,
                        help="fit RandomForest (500) and the XGBoost search only up to this many training rows")
    args = parser.parse_args()
    if not os.path.exists(CLI):
        sys.exit(f"{CLI} is missing: build first (./setup.sh build)")
    os.makedirs(args.out, exist_ok=True)
    budgets = [int(b) for b in args.budgets.split(",")]
    results, peer_points = {}, {}
    earlier = {}
    if args.peers_from:
        with open(args.peers_from) as f:
            earlier = json.load(f)["peers"]
    for name in args.datasets.split(","):
        spec = DATASETS[name]
        kind = spec["kind"]
        work = tempfile.mkdtemp(prefix=f"budget-{name}-", dir=args.out if args.keep else None)
        x_train, x_test, y_train, y_test = generate(spec)
        train_path, test_path = os.path.join(work, "train.csv"), os.path.join(work, "test.csv")
        write_csv(train_path, x_train, y_train)
        write_csv(test_path, x_test, y_test)
        metric = "RMSE" if kind == "regression" else "AUC"
        print(f"\n## {name}: {spec['rows']:,} x {spec['cols']} ({kind}), {len(y_train):,} rows to train, "
              f"{len(y_test):,} held out; held-out {metric}")
        print(f"{'contender':<34} {metric:>8} {'wall s':>8}  notes")
        peer_points[name] = {}
        if name in earlier:
            for peer, (s, wall) in earlier[name].items():
                peer_points[name][peer] = (s, wall)
                print(f"{peer:<34} {s:8.4f} {wall:8.1f}  (from {os.path.basename(args.peers_from)})", flush=True)
        elif not args.stratus_only:
            contenders = dict(peers(kind))
            contenders["XGBoost + random search (20)"] = None
            if len(y_train) > args.slow_peers_max_rows:
                # RandomForest (500) and the search take hours on a million rows and 2 cores.
                for slow in ("RandomForest (500)", "XGBoost + random search (20)"):
                    contenders.pop(slow)
                    print(f"{slow:<34} {'skipped':>8} {'':>8}  over --slow-peers-max-rows", flush=True)
            for peer, make in contenders.items():
                start = time.monotonic()
                model = xgboost_search(kind, x_train, y_train) if make is None else make().fit(x_train, y_train)
                wall = time.monotonic() - start
                s = score(kind, y_test, predict(kind, model, x_test))
                peer_points[name][peer] = (s, wall)
                print(f"{peer:<34} {s:8.4f} {wall:8.1f}", flush=True)
        results[name] = {}
        for budget in budgets:
            r = run_stratus(kind, work, train_path, test_path, y_test, budget)
            results[name][budget] = r
            print(f"{'Stratus ' + str(budget) + ' s':<34} {r['score']:8.4f} {r['wall']:8.1f}  {r['trials']} trials, "
                  f"{r['skipped']} skipped, canceled {100 * r['canceled_share']:.1f}% of the budget, handed back "
                  f"{r['model']} (validation {r['validation']:.4f})", flush=True)
        once = [s for p, (s, _) in peer_points[name].items() if not p.startswith("XGBoost + random")]
        if once:
            best_once = min(once) if kind == "regression" else max(once)
            xgb_time = peer_points[name]["XGBoost (defaults)"][1]
            for budget, r in results[name].items():
                if budget >= 2 * xgb_time:
                    verdict = "meets" if not better(kind, best_once, r["score"]) else "misses"
                    print(f"  {budget} s: {verdict} the best once-fitted peer ({best_once:.4f})")
        searched = peer_points[name].get("XGBoost + random search (20)")
        if searched and 300 in results[name]:
            verdict = "meets" if not better(kind, searched[0], results[name][300]["score"]) else "misses"
            print(f"  300 s: {verdict} XGBoost + random search ({searched[0]:.4f})")
        validations = [results[name][b]["validation"] for b in sorted(results[name])]
        signed = [-v for v in validations] if kind == "regression" else validations
        print("  validation score of the model handed back "
              + ("never falls" if all(b >= a for a, b in zip(signed, signed[1:])) else "FALLS")
              + " as the budget grows: " + ", ".join(f"{v:.4f}" for v in validations))
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(dict(stratus=results, peers=peer_points), f, indent=1, default=str)
    png = os.path.join(args.out, "budget_benchmark.png")
    plot(results, peer_points, png)
    print(f"\nplot: {png}")


if __name__ == "__main__":
    main()
