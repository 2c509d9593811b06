#pragma once
// KNN: k-nearest neighbours on the (standardised) features, Euclidean
// distance. Classification: the share of each class among the neighbours,
// smoothed towards the training class shares so probabilities rank well;
// regression: the neighbours' mean. With distance_weighted = 1 closer
// neighbours count more (weight 1 / distance).
//
// Hyperparameters: n_neighbors, distance_weighted (0 or 1). The model keeps
// every training row, so KNN is not tried above maxRows() training rows.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class Knn : public Learner {
public:
    QString name() const override { return QStringLiteral("KNN"); }
    Params defaults(Task task) const override;
    Space space(Task task) const override;
    size_t maxRows() const override { return 50000; }
    size_t memoryBytes(size_t rows, size_t cols, const Params &, int) const override { return rows * (cols * 4 + 24); }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    // A stored model as plain numbers (what load() and the ONNX export read):
    // the training rows and their labels (class indices, or values when
    // classes is 0).
    struct Stored {
        int classes = 0, k = 1;
        bool weighted = false;
        FeatureMatrix rows;
        std::vector<float> labels;
    };
    static Result<Stored> read(const QByteArray &bytes);
};

} // namespace stratus::ml
