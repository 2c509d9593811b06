#pragma once
// KernelRidge: kernel ridge regression with the RBF kernel, as scikit-learn's
// KernelRidge(kernel="rbf"): solves (K + alpha I) c = y - mean(y) by Cholesky
// (dlib) and predicts mean(y) + sum_i c_i K(x, x_i), with
// gamma = gamma_scale / features. The model keeps the training rows and the
// solve grows with the cube of the rows, so it is not tried above maxRows()
// rows. Regression only.
//
// Hyperparameters: alpha, gamma_scale.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class KernelRidge : public Learner {
public:
    QString name() const override { return QStringLiteral("KernelRidge"); }
    Params defaults(Task) const override { return {{QStringLiteral("alpha"), 1.0}, {QStringLiteral("gamma_scale"), 1.0}}; }
    Space space(Task) const override
    {
        return {{QStringLiteral("alpha"), 1e-4, 10, true}, {QStringLiteral("gamma_scale"), 1e-2, 10, true}};
    }
    size_t maxRows() const override { return 3000; } // the Cholesky solve cannot be stopped midway: keep it short
    // The kernel matrix and its Cholesky factor, and the kept training rows.
    size_t memoryBytes(size_t rows, size_t cols, const Params &, int) const override
    {
        return 2 * rows * rows * sizeof(double) + rows * cols * sizeof(float);
    }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (what load() and the ONNX export read):
    // mean + sum_t coefficients[t] * exp(-gamma |x - rows[t]|^2).
    struct Stored {
        FeatureMatrix rows;
        std::vector<double> coefficients;
        double mean = 0, gamma = 0;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
