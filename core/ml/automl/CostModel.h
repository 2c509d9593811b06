#pragma once
// CostModel: how long a trial, and the refit of its model, will take on this
// machine — what an AutoML run with a time budget schedules by.
//
// A prediction is a work formula per learner (below) times a calibration
// factor. The formulas count the operations that dominate each learner's fit,
// with constants measured on a 2-core x86-64 machine (bench/budget_benchmark.py's
// data, XGBoost 1.7 hist):
//   XGBoost (per round, per class tree): colsample * cols * (7e-10 * rows * levels + 1.3e-6 * nodes)
//     levels = min(max_depth, log2 rows), nodes = min(2^max_depth, rows / (16 * min_child_weight)), rows / (2 * ...) for regression
//     (a regression tree deeper than 10: 2.5e-5 per node and feature)
//   RandomForest (per tree): the same with rows * subsample and every feature histogrammed
//   ExtremeRandomTrees (per tree): 7e-9 * rows * log2(rows / min_samples_leaf) * max_features * cols
//   MLP (per epoch): 6e-9 * rows * hidden_units * (cols + outputs)
//   linear learners: 1.3e-7 * rows * cols * outputs; naive Bayes 2e-8 * rows * cols
//   KNN: 2e-9 * validated rows * rows * cols; kernel SVM and ridge: 2e-9 * rows^2 * cols (+ rows^3 / 3e9)
//   plus featurization and prediction, 5e-8 * (rows + validated rows) * cols per fit.
// Threads divide XGBoost's time by threads^0.6 and ExtremeRandomTrees' by
// threads^0.95; the other learners use one thread.
//
// The factor calibrates the formulas on this machine and this data: after
// each completed trial, observed / predicted seconds is remembered; a
// learner's factor is the geometric mean of its own ratios, and a learner not
// yet seen takes the mean of all ratios (1 before any trial).
//
// shrinkToFit() resizes a candidate that grows in steps (n_estimators of the
// tree learners, epochs of the MLP) to what fits a time; learners that cannot
// be resized fit or do not.

#include "ml/automl/Search.h"

#include <QHash>
#include <functional>
#include <optional>

namespace stratus::ml {

struct TrialShape {
    size_t trainRows = 0;     // rows one fit trains on
    size_t validatedRows = 0; // rows one fit predicts
    size_t features = 0;      // featurized columns
    int outputs = 1;          // classes, or 1 for regression
    int fits = 1;             // folds (1 for a holdout, or for a refit)
    int threads = 1;
};

class CostModel {
public:
    // Seconds for the candidate on the shape, calibrated.
    double predict(const Candidate &candidate, const TrialShape &shape) const;
    // The uncalibrated formula (seconds).
    static double formula(const Candidate &candidate, const TrialShape &shape);
    // A completed trial's observed seconds.
    void observe(const Candidate &candidate, const TrialShape &shape, double seconds);
    double factor(const QString &learner) const;

    // The candidate resized to the largest number of steps whose predicted
    // seconds (by `cost`, which returns the seconds for a candidate) stay
    // within `seconds`, or nullopt when not even the smallest useful size
    // fits (boosting max(20, 10 / learning_rate) rounds,
    // forests 16 trees, MLP 5 epochs) or the learner
    // cannot be resized. Returns the candidate itself when it fits as it is.
    static std::optional<Candidate> shrinkToFit(const Candidate &candidate, double seconds,
                                                const std::function<double(const Candidate &)> &cost);
    // The candidate at the smallest size worth a trial (itself when it cannot be resized).
    static Candidate smallest(const Candidate &candidate);
    // The parameter shrinkToFit() resizes ("n_estimators", "epochs"), or empty.
    static QString sizeParameter(const QString &learner);

private:
    QHash<QString, QList<double>> m_ratios; // log(observed / predicted) per learner
};

} // namespace stratus::ml
