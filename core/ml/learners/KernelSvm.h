#pragma once
// SVM: a support vector classifier with the RBF kernel (dlib's SMO solver,
// C-SVC), gamma = gamma_scale / features (scikit-learn's gamma="scale" on
// standardised features is gamma_scale = 1); one-vs-rest for more than two
// classes, probabilities by Platt scaling (see SvmCalibration.h).
// Classification only; training cost grows with the square of the rows, so
// it is not tried above maxRows() rows.
//
// Hyperparameters: C, gamma_scale.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class KernelSvm : public Learner {
public:
    QString name() const override { return QStringLiteral("SVM"); }
    Params defaults(Task) const override { return {{QStringLiteral("C"), 1.0}, {QStringLiteral("gamma_scale"), 1.0}}; }
    Space space(Task) const override
    {
        return {{QStringLiteral("C"), 1e-2, 1e3, true}, {QStringLiteral("gamma_scale"), 1e-2, 10, true}};
    }
    size_t maxRows() const override { return 5000; } // dlib's solver cannot be stopped midway: keep it short
    // dlib's samples (doubles), a copy for each training part, and the kernel cache.
    size_t memoryBytes(size_t rows, size_t cols, const Params &, int) const override
    {
        return rows * cols * 16 + std::min<size_t>(rows * rows * sizeof(double), size_t(200) << 20);
    }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (for export): per class (one for two
    // classes) the decision function sum_i alpha_i exp(-gamma |x - v_i|^2) - b
    // and Platt's sigmoid p = 1 / (1 + exp(a f + b)).
    struct Part {
        std::vector<double> alpha, vectors; // vectors: alpha.size() rows of `features`
        double b = 0, sigmoidA = -1, sigmoidB = 0;
    };
    struct Parts {
        int classes = 0;
        size_t features = 0;
        double gamma = 0;
        std::vector<Part> parts;
    };
    static Result<Parts> parts(const QByteArray &bytes);
};

} // namespace stratus::ml
