#include "ml/forecasting/RollingOrigin.h"

namespace stratus::ml::forecasting {

Result<std::vector<RollingOriginFold>> rollingOriginFolds(size_t length, int horizon, int folds, int step, size_t minTrain)
{
    const size_t needed = minTrain + size_t(horizon) + size_t(step) * size_t(folds - 1);
    if (length < needed)
        return Error{QStringLiteral("%1 periods are too few for %2 rolling-origin folds of horizon %3, %4 apart: at least %5 are needed")
                         .arg(length)
                         .arg(folds)
                         .arg(horizon)
                         .arg(step)
                         .arg(needed)};
    std::vector<RollingOriginFold> out;
    for (int k = folds - 1; k >= 0; --k)
        out.push_back({length - size_t(horizon) - size_t(step) * size_t(k)});
    return out;
}

} // namespace stratus::ml::forecasting
