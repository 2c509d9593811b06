#pragma once
// ElasticNet: linear regression with a mixed L1/L2 penalty, as scikit-learn's
// ElasticNet: minimises 1/(2n) ||y - Xw - b||^2 + alpha * l1_ratio * ||w||_1
// + alpha * (1 - l1_ratio) / 2 * ||w||^2 by cyclic coordinate descent.
// l1_ratio = 0 is ridge regression, 1 the lasso. Regression only.
//
// Hyperparameters: alpha, l1_ratio, max_iter.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class ElasticNet : public Learner {
public:
    QString name() const override { return QStringLiteral("ElasticNet"); }
    Params defaults(Task) const override
    {
        return {{QStringLiteral("alpha"), 0.01}, {QStringLiteral("l1_ratio"), 0.5}, {QStringLiteral("max_iter"), 1000}};
    }
    Space space(Task) const override
    {
        return {{QStringLiteral("alpha"), 1e-5, 10, true}, {QStringLiteral("l1_ratio"), 0, 1}};
    }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (what load() and the ONNX export read).
    struct Stored {
        std::vector<double> weights;
        double intercept = 0;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
