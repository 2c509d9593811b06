#pragma once
// The charts of a regressor's out-of-fold predictions, as Azure shows them:
// predicted vs true (the true values cut into 10 equal-width bins; per bin
// the mean true value, the mean prediction and the 25th/75th percentiles of
// the predictions) and the histogram of residuals (prediction - true, 20
// equal-width bins).

#include <QJsonObject>
#include <vector>

namespace stratus::ml {

struct RegressionCurves {
    std::vector<double> binTrue, binPredicted, binLow, binHigh, binCount; // predicted vs true
    std::vector<double> residualEdges;  // 21 edges
    std::vector<double> residualCounts; // 20 counts

    QJsonObject toJson() const;
};

// requires: truth.size() == predicted.size().
RegressionCurves regressionCurves(const std::vector<double> &truth, const std::vector<double> &predicted);

} // namespace stratus::ml
