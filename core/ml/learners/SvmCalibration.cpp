#include "ml/learners/SvmCalibration.h"

#include <dlib/svm.h>

namespace stratus::ml {

Sigmoid plattSigmoid(const std::vector<double> &scores, const std::vector<double> &targets)
{
    const bool both = std::any_of(targets.begin(), targets.end(), [](double t) { return t > 0; })
        && std::any_of(targets.begin(), targets.end(), [](double t) { return t < 0; });
    if (!both)
        return {};
    const auto [a, b] = dlib::learn_platt_scaling(scores, targets);
    return {a, b};
}

std::vector<double> oneVsRestTargets(const Labels &y, int positive)
{
    std::vector<double> targets(y.values.size());
    for (size_t r = 0; r < targets.size(); ++r)
        targets[r] = int(y.values[r]) == positive ? 1.0 : -1.0;
    return targets;
}

void oneVsRestProbabilities(const std::vector<double> &calibrated, int classes, double *out)
{
    if (classes == 2) {
        out[1] = calibrated[0];
        out[0] = 1.0 - calibrated[0];
        return;
    }
    double sum = 0;
    for (int c = 0; c < classes; ++c)
        sum += calibrated[size_t(c)];
    for (int c = 0; c < classes; ++c)
        out[c] = sum > 0 ? calibrated[size_t(c)] / sum : 1.0 / classes;
}

QDataStream &operator<<(QDataStream &out, const Sigmoid &s)
{
    return out << s.a << s.b;
}

QDataStream &operator>>(QDataStream &in, Sigmoid &s)
{
    return in >> s.a >> s.b;
}

} // namespace stratus::ml
