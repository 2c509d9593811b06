#!/usr/bin/python3
"""AutoML benchmark: Stratus against scikit-learn and XGBoost on held-out data.

On the heart-failure file (12 features, label DEATH_EVENT), stratified 5-fold
outer cross-validation repeated 5 times: on each outer fold every contender
trains on the training part only and is scored (ROC AUC, which for two
classes equals AUC_weighted) on the held-out part. Stratus runs
`stratus-cli automl --train` with a time budget, then `predict --proba`.
Peers: LogisticRegression, RandomForest (500 trees), HistGradientBoosting,
SVC, XGBoost with defaults and XGBoost with a 20-trial random search (inner
5-fold CV). Prints the per-contender table, Stratus's paired differences
against each peer, Stratus's own cross-validated score (its leaderboard's top,
and the model it hands back) and how close its best-so-far was to the top
after 10 seconds.

    bench/automl_benchmark.py [--budget 60] [--repeats 5] [--csv FILE] [--early-stopping]
                              [--stratus-only] [--stratus-args "--max-trials 18 --no-ensembles"]
"""
import argparse
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.stats import loguniform, randint, uniform
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, RepeatedStratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from xgboost import XGBClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("STRATUS_CLI") or os.path.join(ROOT, "build", "release", "app", "cli", "stratus-cli")
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "data", "heart_failure_clinical_records_dataset.csv")
LABEL = "DEATH_EVENT"


def peers(seed):
    return {
        "LogisticRegression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        "RandomForest(500)": RandomForestClassifier(n_estimators=500, n_jobs=2, random_state=seed),
        "HistGradientBoosting": HistGradientBoostingClassifier(random_state=seed),
        "SVC": make_pipeline(StandardScaler(), SVC(probability=True, random_state=seed)),
        "XGBoost": XGBClassifier(n_jobs=2, random_state=seed, verbosity=0),
        "XGBoost+search(20)": RandomizedSearchCV(
            XGBClassifier(n_jobs=2, random_state=seed, verbosity=0),
            {
                "n_estimators": randint(50, 600),
                "max_depth": randint(2, 9),
                "learning_rate": loguniform(0.01, 0.3),
                "subsample": uniform(0.5, 0.5),
                "colsample_bytree": uniform(0.5, 0.5),
                "min_child_weight": loguniform(0.5, 10),
            },
            n_iter=20, cv=5, scoring="roc_auc", random_state=seed, n_jobs=1),
    }


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def stamp(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def best_after(log_path, seconds, higher=True):
    """The best trial score the run had `seconds` after it started (from its debug log)."""
    start, best = None, None
    with open(log_path) as f:
        for line in f:
            when, _, text = line.strip().partition(" ")
            if start is None and " started on " in text:
                start = stamp(when)
            if start is not None and stamp(when) - start <= seconds and " Completed after " in text and " = " in text:
                # "... = 0.90652" or "... = 0.90652 (200 of 200 rounds)": the trial's fidelity may follow
                value = float(text.rsplit(" = ", 1)[1].split()[0])
                best = value if best is None or (value > best if higher else value < best) else best
    return best


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command[3:6])} ... failed: {done.stderr.strip()}")
    return done


def stratus(train_path, test_path, work, budget, seed, early_stopping, extra):
    ws = os.path.join(work, "bench.stratus")
    log = os.path.join(work, f"log-{seed}.txt")
    command = [CLI, "--workspace", ws, "automl", "--train", train_path, "--label", LABEL,
               "--budget-seconds", str(budget), "--seed", str(seed), "--json", "--debug-log", log]
    if not early_stopping:
        command.append("--no-early-stopping")
    command += extra
    started = time.perf_counter()
    result = json.loads(run(command).stdout)
    seconds = time.perf_counter() - started
    out = os.path.join(work, "predictions.csv")
    run([CLI, "--workspace", ws, "predict", "--run", result["parent_run_id"], "--input", test_path, "--output", out, "--proba"])
    with open(out) as f:
        rows = list(csv.DictReader(f))
    positive = next(c for c in ("proba_true", "proba_1", "proba_1.0") if c in rows[0])
    top = result["leaderboard"][0]
    chosen = next(r for r in result["leaderboard"] if r["run_id"] == result["best_child_run_id"])
    return (np.array([float(r[positive]) for r in rows]), top["AUC_weighted"], chosen["algorithm"],
            best_after(log, 10.0), seconds, len(result["leaderboard"]), chosen["AUC_weighted"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budget", type=int, default=60, help="Stratus's time budget per outer fold, seconds")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of the stratified 5-fold outer split")
    parser.add_argument("--csv", default=DEFAULT_CSV)
    parser.add_argument("--early-stopping", action="store_true", help="keep Azure's early stopping on")
    parser.add_argument("--stratus-only", action="store_true", help="skip the peers (quick comparisons of Stratus settings)")
    parser.add_argument("--stratus-args", default="", help="more arguments for stratus-cli automl, e.g. \"--max-trials 18\"")
    args = parser.parse_args()
    if not os.path.exists(args.csv):
        sys.exit(f"benchmark: {args.csv} is missing (the shared heart-failure file)")
    if not os.path.exists(CLI):
        sys.exit(f"benchmark: build Stratus first ({CLI} is missing)")
    with open(args.csv) as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [r for r in reader]
    y = np.array([int(float(r[header.index(LABEL)])) for r in rows])
    x = np.array([[float(v) for i, v in enumerate(r) if header[i] != LABEL] for r in rows])

    names = ["Stratus"] + ([] if args.stratus_only else list(peers(0)))
    auc = {n: [] for n in names}
    fit_seconds = {n: 0.0 for n in names}
    own_cv, chosen_cv, early, winners, trials = [], [], [], [], []
    split = RepeatedStratifiedKFold(n_splits=5, n_repeats=args.repeats, random_state=2026)
    with tempfile.TemporaryDirectory() as work:
        for fold, (tr, te) in enumerate(split.split(x, y)):
            train_path, test_path = os.path.join(work, "train.csv"), os.path.join(work, "test.csv")
            write_csv(train_path, header, [rows[i] for i in tr])
            write_csv(test_path, header, [rows[i] for i in te])
            p, cv, winner, after10, seconds, count, cv_chosen = stratus(train_path, test_path, work, args.budget, fold + 1,
                                                             args.early_stopping, args.stratus_args.split())
            auc["Stratus"].append(roc_auc_score(y[te], p))
            fit_seconds["Stratus"] += seconds
            own_cv.append(cv)
            chosen_cv.append(cv_chosen)
            early.append(after10)
            winners.append(winner)
            trials.append(count)
            for name, model in ({} if args.stratus_only else peers(fold)).items():
                started = time.perf_counter()
                model.fit(x[tr], y[tr])
                fit_seconds[name] += time.perf_counter() - started
                auc[name].append(roc_auc_score(y[te], model.predict_proba(x[te])[:, 1]))
            print(f"outer fold {fold + 1:2d}: Stratus {auc['Stratus'][-1]:.4f} (own CV {cv:.4f}, {winner} {cv_chosen:.4f}, "
                  f"{count} children, {seconds:.0f} s)  " +
                  "  ".join(f"{n} {auc[n][-1]:.4f}" for n in names[1:]), flush=True)

    folds = len(auc["Stratus"])
    print(f"\nHeld-out ROC AUC over {folds} outer folds (stratified 5-fold x {args.repeats}), "
          f"Stratus budget {args.budget} s{' with early stopping' if args.early_stopping else ''}, 2 cores")
    print(f"{'contender':24s} {'mean AUC':>9s} {'std':>7s} {'fit s/fold':>11s}   Stratus - peer: mean  (sd, wins/ties/losses)")
    s = np.array(auc["Stratus"])
    for n in names:
        a = np.array(auc[n])
        line = f"{n:24s} {a.mean():9.4f} {a.std(ddof=1):7.4f} {fit_seconds[n] / folds:11.2f}"
        if n != "Stratus":
            d = s - a
            line += f"   {d.mean():+.4f}  ({d.std(ddof=1):.4f}, {(d > 1e-12).sum()}/{(np.abs(d) <= 1e-12).sum()}/{(d < -1e-12).sum()})"
        print(line)
    print(f"\nStratus's own cross-validated AUC_weighted (the leaderboard's top): mean {np.mean(own_cv):.4f}, "
          f"min {np.min(own_cv):.4f}, max {np.max(own_cv):.4f}; of the model it hands back: mean {np.mean(chosen_cv):.4f}")
    gaps = [c - e for c, e in zip(own_cv, early) if e is not None]
    print(f"best-so-far after 10 s vs final: mean gap {np.mean(gaps):.4f}, largest {np.max(gaps):.4f} "
          f"({sum(g <= 0.01 for g in gaps)}/{len(gaps)} within 0.01)")
    print("winners: " + ", ".join(f"{w} x{winners.count(w)}" for w in sorted(set(winners))))
    print(f"children per run: mean {np.mean(trials):.0f}")


if __name__ == "__main__":
    main()
