#pragma once
// StackEnsemble: a meta-learner trained on the base models' predictions —
// LogisticRegression on the logits of their class probabilities, or ridge
// regression (ElasticNet with l1_ratio 0) on their predicted values. The
// meta-learner's own score comes from cross-validating it on the base models'
// out-of-fold predictions, over the run's folds, so it is as honest as the
// base models' scores.

#include "ml/learners/Learner.h"

#include <memory>

namespace stratus::ml {

// The meta-learner's features: per row, per base model, the logit of each
// class probability (only the positive class for two classes), or the value.
// classes: 0 for regression.
FeatureMatrix stackFeatures(const std::vector<const std::vector<double> *> &predictions, int classes, size_t rows);

struct StackFit {
    QString metaAlgorithm;
    Params metaParams;
    std::vector<double> outOfFold;     // the meta-learner's, per validated row
    std::unique_ptr<Model> meta;       // trained on every validated row
};

// requires: every predictions[i] holds labels.values.size() rows; folds (one
// per row) has at least two folds, or is all one fold (then 5 are made).
Result<StackFit> fitStack(const std::vector<const std::vector<double> *> &predictions, const Labels &labels,
                          const std::vector<int> &folds, quint64 seed);

} // namespace stratus::ml
