#pragma once
// FlatForest: an XGBoost model (gbtree, read from its JSON form) walked by
// our own code. XGBoost's predictor costs tens of microseconds a call before
// it walks a tree (a DMatrix, a JSON configuration, thread-local buffers);
// an endpoint predicts one row at a time, so for a few rows the flat arrays
// are walked instead, with XGBoost's arithmetic: float comparisons
// (value < condition goes left, a missing value follows the default
// direction), float sums from the base margin in tree order, and the
// objective's transform (logistic, softmax, identity).

#include "common/Result.h"

#include <QByteArray>
#include <vector>

namespace stratus::ml {

class FlatForest {
public:
    // requires: json is a model saved by XGBoost with {"format": "json"}.
    static Result<FlatForest> fromJson(const QByteArray &json);

    // Values per row: binary:logistic 1 (the positive class's probability),
    // multi:softprob the number of classes, regression 1.
    int outputs() const { return m_objective == Objective::Softmax ? m_groups : 1; }
    // One row of `cols` features into `outputs()` values.
    void predict(const float *row, size_t cols, float *out) const;

    // The model as read, for exporters (ONNX): node i of a tree is a leaf
    // when left[i] < 0; its value is then condition[i].
    enum class Objective { Logistic, Softmax, Identity };
    struct Tree {
        std::vector<int32_t> left, right, feature;
        std::vector<float> condition; // a leaf's value at a leaf
        std::vector<uint8_t> defaultLeft;
        int group = 0;
    };
    const std::vector<Tree> &trees() const { return m_trees; }
    int groups() const { return m_groups; }
    float baseMargin() const { return m_baseMargin; } // the logit of base_score for binary:logistic
    Objective objective() const { return m_objective; }

private:
    std::vector<Tree> m_trees;
    int m_groups = 1;
    float m_baseMargin = 0;
    Objective m_objective = Objective::Identity;
};

} // namespace stratus::ml
