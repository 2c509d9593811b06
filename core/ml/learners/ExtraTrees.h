#pragma once
// ExtremeRandomTrees: an ensemble of extremely randomized trees (Geurts,
// Ernst and Wehenkel, 2006), as scikit-learn's ExtraTreesClassifier and
// ExtraTreesRegressor: every tree sees all training rows; at each node
// max_features randomly chosen features each get one threshold drawn
// uniformly between the node's minimum and maximum, and the best of those
// splits (Gini impurity, or variance for regression) is kept.
//
// Hyperparameters: n_estimators, max_features (a fraction of the features),
// min_samples_leaf, max_depth. Trees are grown on control.threads threads;
// each tree has its own seed, so the model does not depend on the threads.
// On large data a leaf keeps at least rows / 32768 rows (when that is more
// than min_samples_leaf), so a tree has at most about 65,000 nodes.
// When stopped (canceled, out of time) the trees grown so far are the model.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class ExtraTrees : public Learner {
public:
    QString name() const override { return QStringLiteral("ExtremeRandomTrees"); }
    Params defaults(Task task) const override;
    Space space(Task task) const override;
    size_t memoryBytes(size_t rows, size_t cols, const Params &params, int outputs) const override;
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // One tree: per node its feature (-1: a leaf), children (left when the
    // value <= threshold) and, for a leaf, where its outputs start in
    // `outputs` (class shares, or the mean). A model predicts the average of
    // its trees' leaves.
    struct Tree {
        std::vector<qint32> feature, left, right;
        std::vector<float> threshold;
        std::vector<quint32> value;
        std::vector<float> outputs;
    };
    struct Stored {
        int outputs = 0;
        std::vector<Tree> trees;
    };
    // A stored model as plain numbers (what load() and the ONNX export read),
    // checked so that a walk can neither loop nor read out of bounds.
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
