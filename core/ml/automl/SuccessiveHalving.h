#pragma once
// SuccessiveHalving: asynchronous successive halving (ASHA) for a budgeted
// AutoML run on large data — Li, Jamieson, Rostamizadeh et al., "A System for
// Massively Parallel Hyperparameter Tuning" (MLSys 2020), Algorithm 2, with
// reduction factor eta = 3 and training rows as the resource.
//
// The search's training rows (fold -1 of a holdout) are subsampled into
// rungs: rung k trains on about trainedRows / 3^(K-k) of them, k = 0..K, the
// last rung on every training row; K is the largest with at least kMinRows
// rows in rung 0. Subsamples are stratified by class and nested (rung k's
// rows are among rung k+1's), and every rung validates on the same rows, so
// trials' scores compare across rungs and feed one leaderboard.
//
// New candidates start at rung 0. Whenever a finished trial is among the top
// third (floor(n / 3) of the n trials of its rung that completed, by score) and has
// not been promoted yet, next() promotes it: the same candidate runs again on
// the next rung's rows. The highest rung's promotions come first. The last
// rung's trials are the finalists, confirmed on every training row.

#include "ml/automl/Search.h"

#include <QHash>
#include <memory>
#include <optional>
#include <vector>

namespace stratus::ml {

class SuccessiveHalving {
public:
    static constexpr int kEta = 3;
    // The fewest training rows of the first rung.
    static constexpr size_t kMinRows = 10000;

    // folds: the plan's, per search row (-1: training, 0: validation);
    // classes: per search row, its class (all 0 for regression).
    // requires: folds.size() == classes.size().
    // ensures: rungs() >= 1; rungs() == 1 when there are fewer than
    //          kEta * kMinRows training rows, or the folds are not a holdout.
    SuccessiveHalving(const std::vector<int> &folds, const std::vector<int> &classes, quint64 seed);

    int rungs() const { return int(m_folds.size()); }
    bool halving() const { return rungs() > 1; }
    // Training rows of rung k (0 <= k < rungs()).
    size_t rows(int rung) const { return m_rows[size_t(rung)]; }
    // Folds for rung k: the plan's, with the training rows left out of the
    // subsample at -2 (crossValidate leaves them out).
    std::shared_ptr<const std::vector<int>> folds(int rung) const { return m_folds[size_t(rung)]; }

    // A trial started at `rung` (its candidate as proposed, before resizing),
    // promoted from trial `from` (next()'s, now made), or -1 for a new candidate.
    void started(int index, int rung, const Candidate &candidate, int from = -1);
    // It finished: its score (higher is better; -inf for a failed or canceled
    // trial, which does not count among its rung's finished trials).
    void finished(int index, double score);
    // The rung of trial `index`, or -1 when it is not known here.
    int rungOf(int index) const;
    // The trial `index` was promoted from, or -1.
    int promotedFrom(int index) const;

    struct Promotion {
        int from = -1; // the trial promoted
        int rung = 0;  // the rung it runs on next
        Candidate candidate;
    };
    // The next promotion due, if any (highest rung first). It stays due
    // until started() makes it or drop() gives it up.
    std::optional<Promotion> next() const;
    // Gives up the promotion of trial `from` (it does not fit the time left).
    void drop(int from);
    // Whether trial `index`'s score may be told to the search: rung 0's only,
    // so that the search compares like with like.
    bool tellsSearch(int index) const { return rungOf(index) <= 0; }

private:
    struct Entry {
        int rung = 0;
        int from = -1;
        Candidate candidate;
        bool done = false;
        bool promoted = false;
        double score = 0;
    };
    std::vector<std::shared_ptr<const std::vector<int>>> m_folds;
    std::vector<size_t> m_rows;
    QHash<int, Entry> m_trials;
};

} // namespace stratus::ml
