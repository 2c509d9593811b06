#pragma once
// LogisticRegression: multinomial logistic regression with an L2 penalty
// (scikit-learn's C: the inverse of the penalty's strength), fitted with
// dlib's L-BFGS. Two classes are the binary case of the same model.
//
// Hyperparameters: C (default 1), max_iter (default 200).

#include "Learner.h"

namespace stratus::ml {

class LogisticRegression : public Learner {
public:
    QString name() const override { return QStringLiteral("LogisticRegression"); }
    Params defaults(Task) const override
    {
        return {{QStringLiteral("C"), 1.0}, {QStringLiteral("max_iter"), 200}};
    }
    Space space(Task) const override { return {{QStringLiteral("C"), 1e-4, 1e3, true}}; }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    // A model saved by serialize().
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);
};

} // namespace stratus::ml
