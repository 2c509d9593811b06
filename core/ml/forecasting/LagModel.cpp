#include "ml/forecasting/LagModel.h"

#include "ml/learners/Learners.h"

#include <QJsonArray>
#include <cmath>

namespace stratus::ml::forecasting {

namespace {

struct Rows {
    FeatureMatrix x;
    Labels y;
    std::vector<double> level, scale;
    std::vector<int> step;
    std::vector<size_t> series;
};

bool usable(const SeriesView &s, size_t t)
{
    return !(s.imputed && (*s.imputed)[t]);
}

// Learners without their own missing-value routing read a missing feature as 0.
void fillMissing(const QString &learner, FeatureMatrix &x)
{
    if (learner.startsWith(QLatin1String("XGBoost")))
        return;
    for (float &v : x.values)
        if (std::isnan(v))
            v = 0;
}

} // namespace

QStringList lagLearners()
{
    return {QStringLiteral("XGBoostRegressor"), QStringLiteral("ElasticNet")};
}

Result<LagModel> LagModel::fit(const QString &learner, const LagSpec &spec, const std::vector<SeriesView> &series,
                               const std::vector<size_t> &trainEnd, const FitControl &control, bool refit)
{
    auto made = makeLearner(learner, Task::Regression);
    if (!made)
        return Error{QStringLiteral("no regression learner '%1'").arg(learner)};
    const size_t first = spec.history(), h = size_t(spec.horizon);
    // Candidate (series, origin) pairs: fitting ones end a horizon before the training end.
    size_t candidates = 0;
    auto start = [&](size_t s) { return series[s].firstObserved + first; };
    for (size_t s = 0; s < series.size(); ++s)
        if (trainEnd[s] >= start(s) + 3 * h)
            candidates += trainEnd[s] - 2 * h - start(s);
    if (candidates == 0)
        return Error{QStringLiteral("the series are too short to train %1 on lag features (a horizon, %2 points of history and two horizons to check)")
                         .arg(learner)
                         .arg(first)};
    const size_t stride = std::max<size_t>(1, (candidates * h + kMaxRows - 1) / kMaxRows);
    const int cols = spec.columns();
    auto build = [&](bool calibration, bool everyRow) {
        Rows r;
        r.x.cols = size_t(cols);
        r.y.task = Task::Regression;
        std::vector<float> row(static_cast<size_t>(cols));
        for (size_t s = 0; s < series.size(); ++s) {
            if (trainEnd[s] < start(s) + 3 * h)
                continue;
            // The last two horizons check the fit (origins in them, targets before the end), the rest fit it.
            const size_t fitEnd = everyRow ? trainEnd[s] : trainEnd[s] - 2 * h;
            const size_t from = calibration ? fitEnd : start(s), to = calibration ? trainEnd[s] : fitEnd;
            for (size_t o = from; o < to; o += calibration ? 1 : stride)
                for (size_t k = 1; k <= h; ++k) {
                    const size_t t = o + k - 1;
                    if (t >= (calibration ? trainEnd[s] : fitEnd) || !usable(series[s], t))
                        continue;
                    double level = 0, scale = 1;
                    featureRow(spec, series[s], o, int(k), row.data(), &level, &scale);
                    r.x.values.insert(r.x.values.end(), row.begin(), row.end());
                    r.y.values.push_back(float(((*series[s].values)[t] - level) / scale));
                    r.level.push_back(level);
                    r.scale.push_back(scale);
                    r.step.push_back(int(k));
                    r.series.push_back(s);
                    ++r.x.rows;
                }
        }
        fillMissing(learner, r.x);
        return r;
    };
    const Rows train = build(false, false);
    if (train.x.rows < 10)
        return Error{QStringLiteral("too few rows (%1) to train %2 on lag features").arg(train.x.rows).arg(learner)};
    auto fitted = (*made).fit(train.x, train.y, (*made).defaults(Task::Regression), control);
    if (!fitted)
        return fitted.error();
    LagModel m;
    m.learner = learner;
    m.spec = spec;
    m.model = std::shared_ptr<Model>(std::move(*fitted));
    // Intervals from the kept-out horizon: per step, pooled when a step has few errors.
    const Rows check = build(true, false);
    const std::vector<double> predicted = check.x.rows ? m.model->predict(check.x) : std::vector<double>();
    std::vector<double> sum(h, 0.0);
    std::vector<size_t> count(h, 0);
    double pooled = 0;
    for (size_t i = 0; i < check.x.rows; ++i) {
        const double e = double(check.y.values[i]) - predicted[i];
        sum[size_t(check.step[i] - 1)] += e * e;
        ++count[size_t(check.step[i] - 1)];
        pooled += e * e;
    }
    const double pooledSd = check.x.rows ? std::sqrt(pooled / double(check.x.rows)) : 1.0;
    m.residualSd.resize(h);
    for (size_t k = 0; k < h; ++k) { // never narrower further out
        m.residualSd[k] = count[k] >= 5 ? std::sqrt(sum[k] / double(count[k])) : pooledSd;
        if (k > 0)
            m.residualSd[k] = std::max(m.residualSd[k], m.residualSd[k - 1]);
    }
    if (refit) { // the kept-out horizon too: the most recent rows matter most
        const Rows all = build(false, true);
        auto again = (*made).fit(all.x, all.y, (*made).defaults(Task::Regression), control);
        if (!again)
            return again.error();
        m.model = std::shared_ptr<Model>(std::move(*again));
    }
    return m;
}

Forecast LagModel::forecast(const SeriesView &series, size_t origin, int horizon, const std::vector<double> &levels) const
{
    const size_t steps = size_t(horizon);
    FeatureMatrix x;
    x.cols = size_t(spec.columns());
    x.rows = steps;
    x.values.resize(x.rows * x.cols);
    std::vector<double> level(steps), scale(steps);
    for (size_t k = 1; k <= steps; ++k)
        featureRow(spec, series, origin, int(k), x.values.data() + (k - 1) * x.cols, &level[k - 1], &scale[k - 1]);
    fillMissing(learner, x);
    const std::vector<double> p = model->predict(x);
    std::vector<double> mean(steps), spread(steps);
    for (size_t k = 0; k < steps; ++k) {
        mean[k] = level[k] + scale[k] * p[k];
        const double sd = k < residualSd.size() ? residualSd[k] : residualSd.empty() ? 1.0 : residualSd.back();
        spread[k] = scale[k] * sd;
    }
    return normalForecast(std::move(mean), spread, levels);
}

QJsonObject LagModel::toJson() const
{
    QJsonArray sd;
    for (double v : residualSd)
        sd.append(v);
    return {{QStringLiteral("learner"), learner},
            {QStringLiteral("features"), spec.toJson()},
            {QStringLiteral("residual_sd"), sd},
            {QStringLiteral("model"), QString::fromLatin1(model->serialize().toBase64())}};
}

Result<LagModel> LagModel::fromJson(const QJsonObject &o)
{
    LagModel m;
    m.learner = o.value(QStringLiteral("learner")).toString();
    m.spec = LagSpec::fromJson(o.value(QStringLiteral("features")).toObject());
    for (const QJsonValue &v : o.value(QStringLiteral("residual_sd")).toArray())
        m.residualSd.push_back(v.toDouble());
    auto loaded = loadModel(m.learner, QByteArray::fromBase64(o.value(QStringLiteral("model")).toString().toLatin1()));
    if (!loaded)
        return loaded.error();
    m.model = std::shared_ptr<Model>(std::move(*loaded));
    return m;
}

} // namespace stratus::ml::forecasting
