#pragma once
// LogisticRegression: multinomial logistic regression with an elastic-net
// penalty, as scikit-learn's (C: the inverse of the penalty's strength;
// l1_ratio 0 is the L2 penalty, 1 the L1), fitted with dlib's L-BFGS. The
// L1 term |w| is smoothed to sqrt(w^2 + 1e-8) so the objective stays
// differentiable: weights come out near zero rather than exactly zero. Two
// classes are the binary case of the same model.
//
// Hyperparameters: C (default 1), l1_ratio (default 0), max_iter (default 200).

#include "ml/learners/Learner.h"

namespace stratus::ml {

class LogisticRegression : public Learner {
public:
    QString name() const override { return QStringLiteral("LogisticRegression"); }
    Params defaults(Task) const override
    {
        return {{QStringLiteral("C"), 1.0}, {QStringLiteral("l1_ratio"), 0.0}, {QStringLiteral("max_iter"), 200}};
    }
    Space space(Task) const override
    {
        return {{QStringLiteral("C"), 1e-4, 1e3, true}, {QStringLiteral("l1_ratio"), 0, 1}};
    }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    // A model saved by serialize().
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (what load() and the ONNX export read):
    // per class the features' weights, then the bias.
    struct Stored {
        size_t features = 0;
        int classes = 0;
        std::vector<double> weights;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
