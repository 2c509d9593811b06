#pragma once
// Rolling-origin cross-validation (Azure's forecasting validation;
// Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 5.10
// "time series cross-validation"): K folds whose training ends at origins
// `cv_step_size` periods apart, the last origin `horizon` periods before the
// end of the series; each fold is scored on the `horizon` periods after its
// origin. A fold sees nothing at or after its origin.

#include "common/Result.h"

#include <vector>

namespace stratus::ml::forecasting {

struct RollingOriginFold {
    size_t origin = 0; // grid points [0, origin) train the fold; [origin, origin + horizon) score it
};

// Folds of a series of `length` grid points, the earliest origin first.
// requires: horizon >= 1, folds >= 1, step >= 1.
// Errors when the earliest origin would leave fewer than `minTrain` points to
// train on (naming the length the folds need).
Result<std::vector<RollingOriginFold>> rollingOriginFolds(size_t length, int horizon, int folds, int step,
                                                          size_t minTrain = 2);

} // namespace stratus::ml::forecasting
