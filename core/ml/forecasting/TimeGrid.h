#pragma once
// TimeGrid: one series put on its frequency's regular grid — the first step
// of Azure's forecasting featurization. Each row goes to the grid step its
// time belongs to (Frequency::bucket, then the frequency's multiple); rows
// that share a step (duplicate
// timestamps, or finer-grained data) are combined with Azure's
// `target_aggregation_function`; grid points no row gives a value are
// imputed by carrying the last value forward (Azure's default for the
// target; a gap at the start takes the first value), and every change is
// counted for the guardrails.

#include "common/Result.h"
#include "ml/forecasting/Frequency.h"

namespace stratus::ml::forecasting {

// Azure's target_aggregation_function: none (a shared point is an error),
// "sum", "mean", "min", "max".
enum class Aggregation { None, Sum, Mean, Min, Max };
QString aggregationName(Aggregation aggregation); // "none", "sum", ...
std::optional<Aggregation> aggregationFromName(const QString &name);

struct RegularSeries {
    CivilTime start;              // the first grid point
    std::vector<double> values;   // per grid point from start, none missing
    std::vector<char> imputed;    // per grid point: 1 when no row gave it a value
    size_t imputedPoints = 0;     // grid points imputed (missing time points, or only missing targets)
    size_t combinedRows = 0;      // rows combined into a point another row also gave
    size_t missingTargets = 0;    // rows whose target was missing (NaN)
};

// requires: times.size() == targets.size(); targets NaN where missing.
// The grid starts at the first row's point (Frequency::bucket); a sub-daily
// grid is aligned on midnight ("15min": 08:00, 08:15, ...). Errors name the
// first row that shares a grid step with another when aggregation is None
// ("2024-03-02: more than one row for the every day (D) point 2024-03-02;
// set target_aggregation_function ...") and say when no row has a target.
Result<RegularSeries> regularize(const std::vector<CivilTime> &times, const std::vector<double> &targets,
                                 const Frequency &frequency, Aggregation aggregation);

// The point `steps` grid points after a series' start (for its time labels).
inline CivilTime gridPoint(const RegularSeries &series, const Frequency &frequency, qint64 steps)
{
    return frequency.advance(series.start, steps);
}

} // namespace stratus::ml::forecasting
