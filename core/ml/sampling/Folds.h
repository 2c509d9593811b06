#pragma once
// Cross-validation folds. Every trial of an AutoML run is scored on the same
// folds, so the folds are a pure function of the labels, k and the seed.

#include <QtGlobal>
#include <vector>

namespace stratus::ml {

// Fold index (0..k-1) of each row, each class spread evenly over the folds
// (class sizes per fold differ by at most one), rows shuffled by `seed`.
// requires: 2 <= k; labels[i] >= 0.
std::vector<int> stratifiedFolds(const std::vector<int> &labels, int k, quint64 seed);

// Fold index of each of n rows, fold sizes differing by at most one.
std::vector<int> kFolds(size_t n, int k, quint64 seed);

// A holdout: fold 0 for a `fraction` of the rows (of each class, when labels
// are classes), -1 (train only) for the others. requires: 0 < fraction < 1.
std::vector<int> holdoutFolds(const std::vector<int> &labels, double fraction, quint64 seed);

// `count` of the n rows (sorted), drawn without replacement; for labels
// given, each class keeps its share. requires: count <= n.
std::vector<size_t> subsampleRows(const std::vector<int> &labels, size_t count, quint64 seed);

// Azure's default validation when none is set: under 1,000 rows 10-fold
// cross-validation, up to 20,000 rows 3-fold, above that a 10% holdout
// (returned as 0 folds).
int defaultFoldCount(size_t rows);

} // namespace stratus::ml
