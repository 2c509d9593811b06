#pragma once
// MLP: a small neural network — one hidden layer of ReLU units, softmax
// outputs for classification (cross-entropy) or one linear output for
// regression (squared error on the standardised target) — trained by
// mini-batch Adam with an L2 penalty, as scikit-learn's MLPClassifier and
// MLPRegressor. Initial weights and the batch order come from the seed.
// Stopped between epochs (canceled, out of time), it keeps the weights
// reached so far.
//
// Hyperparameters: hidden_units, alpha (L2), learning_rate, epochs.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class Mlp : public Learner {
public:
    QString name() const override { return QStringLiteral("MLP"); }
    Params defaults(Task task) const override;
    Space space(Task task) const override;
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored network as plain numbers (what load() and the ONNX export
    // read): the hidden layer's units, each its `inputs` weights then its
    // bias, then the outputs, each its `units` weights then its bias; a
    // regression's output is in standard units of the target.
    struct Stored {
        qint32 inputs = 0, units = 0, outputs = 0;
        bool regression = false;
        double targetMean = 0, targetScale = 1;
        std::vector<double> weights;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
