#pragma once
// LinearSVM: a linear support vector classifier (hinge loss, L2 penalty C as
// in scikit-learn's LinearSVC), trained with dlib's dual coordinate descent;
// one-vs-rest for more than two classes, probabilities by Platt scaling
// (see SvmCalibration.h). Classification only.
//
// Hyperparameters: C.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class LinearSvm : public Learner {
public:
    QString name() const override { return QStringLiteral("LinearSVM"); }
    Params defaults(Task) const override { return {{QStringLiteral("C"), 1.0}}; }
    Space space(Task) const override { return {{QStringLiteral("C"), 1e-3, 1e2, true}}; }
    // dlib's samples (doubles), and a copy for each training part.
    size_t memoryBytes(size_t rows, size_t cols, const Params &, int) const override { return rows * cols * 16; }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (for export): per class (one for two
    // classes) the decision function w.x - b and Platt's sigmoid
    // p = 1 / (1 + exp(a f + b)).
    struct Part {
        std::vector<double> w;
        double b = 0, sigmoidA = -1, sigmoidB = 0;
    };
    struct Stored {
        int classes = 0;
        std::vector<Part> parts;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
