#pragma once
// Cross-validation of one learner with one set of hyperparameters: for each
// fold the featurizer is fitted on the other folds' rows only, the learner
// trained on them, and the fold's rows predicted — giving out-of-fold
// predictions for every row, from which the metrics are computed.

#include "ml/featurize/Featurizer.h"
#include "ml/learners/Learner.h"

namespace stratus::ml {

// The label column as a learner takes it. Rows whose label is missing are
// left out; `rows` lists the rows kept and `classNames` the classes (sorted).
struct LabelData {
    Labels labels;
    std::vector<size_t> rows;
    QStringList classNames;
    size_t droppedMissing = 0;
};
Result<LabelData> labelData(const DataTable &table, int label, Task task);

// Besides the quality metrics, a trial records its cost: the seconds spent
// fitting (featurizer and learner, summed over the folds) and predicting,
// per predicted row (featurization included).
inline const QString kFitTimeMetric = QStringLiteral("fit_time_seconds");
inline const QString kPredictTimeMetric = QStringLiteral("predict_time_per_row_seconds");

struct CrossValidationResult {
    std::vector<double> outOfFold; // per validated row: class probabilities, or the prediction
    QMap<QString, double> metrics;
    // Learners that grow in steps: the rounds or trees asked for (the most of
    // any fold) and kept (the folds' mean, rounded), and whether any fold
    // stopped early or at its share of time. planned == 0 for other learners.
    FitReport fidelity;
};

// The labels of the validated rows (fold >= 0), in order: what out-of-fold
// predictions are scored against.
Labels validatedLabels(const LabelData &data, const std::vector<int> &folds);

// requires: folds.size() == data.rows.size(), fold indices 0..k-1, or -1 for
//           a row that is only trained on (a holdout's training part), or -2
//           for a row left out (a training subsample's: SuccessiveHalving).
// control.softDeadline is shared out evenly between the folds; with
// control.earlyStoppingRounds set, each fold's own validation rows are the
// early-stopping set (its out-of-fold predictions are then slightly
// optimistic, as with any early stopping on the scored rows).
// Fails when canceled or past control.deadline.
Result<CrossValidationResult> crossValidate(const DataTable &table, int label, const LabelData &data,
                                            const std::vector<int> &folds, const Learner &learner,
                                            const Params &params, Featurizer::Mode mode, const FitControl &control);

} // namespace stratus::ml
