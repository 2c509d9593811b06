#pragma once
// BernoulliNaiveBayes: each feature is binarised (above `binarize` or not;
// features are standardised, so 0 splits at the training mean) and modelled
// per class as a Bernoulli variable with additive (Laplace) smoothing alpha,
// as scikit-learn's BernoulliNB. Classification only.
//
// Hyperparameters: alpha, binarize.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class NaiveBayes : public Learner {
public:
    QString name() const override { return QStringLiteral("BernoulliNaiveBayes"); }
    Params defaults(Task task) const override;
    Space space(Task task) const override;
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (what load() and the ONNX export read):
    // log P(class); per class x feature, log P(on) and log P(off), a feature
    // being on above `threshold`.
    struct Stored {
        int classes = 0;
        size_t features = 0;
        double threshold = 0;
        std::vector<double> logPrior, logOn, logOff;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
