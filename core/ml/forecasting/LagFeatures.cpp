#include "ml/forecasting/LagFeatures.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace stratus::ml::forecasting {

namespace {

// The calendar parts that vary at a frequency.
enum Part { Hour, Weekday, DayOfMonth, DayOfYear, Month, Quarter };

std::vector<Part> calendarParts(const Frequency &f)
{
    switch (f.unit) {
    case Frequency::Unit::Second:
    case Frequency::Unit::Minute:
    case Frequency::Unit::Hour: return {Hour, Weekday};
    case Frequency::Unit::Day:
    case Frequency::Unit::BusinessDay: return {Weekday, DayOfMonth, DayOfYear, Month};
    case Frequency::Unit::Week: return {DayOfYear, Month};
    case Frequency::Unit::MonthStart:
    case Frequency::Unit::MonthEnd: return {Month};
    case Frequency::Unit::QuarterStart:
    case Frequency::Unit::QuarterEnd: return {Quarter};
    default: return {};
    }
}

const char *partName(Part p)
{
    static const char *names[] = {"hour", "weekday", "day_of_month", "day_of_year", "month", "quarter"};
    return names[p];
}

double part(Part p, const CivilTime &t)
{
    switch (p) {
    case Hour: return double(t.secondOfDay() / 3600);
    case Weekday: return t.weekday();
    case DayOfMonth: return t.day();
    case DayOfYear: return t.dayOfYear();
    case Month: return t.month();
    case Quarter: return (t.month() - 1) / 3 + 1;
    }
    return 0;
}

int fourierTerms(int season)
{
    return season >= 2 ? 2 : 0;
}

} // namespace

size_t LagSpec::history() const
{
    size_t need = size_t(std::max(1, window));
    for (int l : lags)
        need = std::max(need, size_t(l));
    return need;
}

int LagSpec::columns() const
{
    const int seasonal = season >= 2 ? 2 : 0;
    return 1 + int(lags.size()) + seasonal + int(calendarParts(frequency).size()) + 2 * fourierTerms(season) + 1 + int(features.size())
           + int(featureLags.size()) * int(features.size() + laggedFeatures.size());
}

QStringList LagSpec::columnNames() const
{
    QStringList names{QStringLiteral("step")};
    for (int l : lags)
        names << QStringLiteral("lag_%1").arg(l);
    if (season >= 2)
        names << QStringLiteral("seasonal_naive") << QStringLiteral("seasonal_naive_2");
    for (Part p : calendarParts(frequency))
        names << QString::fromLatin1(partName(p));
    for (int k = 1; k <= fourierTerms(season); ++k)
        names << QStringLiteral("sin_%1").arg(k) << QStringLiteral("cos_%1").arg(k);
    names << QStringLiteral("series");
    names += features;
    for (const QString &f : features + laggedFeatures)
        for (int l : featureLags)
            names << QStringLiteral("%1_lag_%2").arg(f).arg(l);
    return names;
}

QJsonObject LagSpec::toJson() const
{
    QJsonArray l;
    for (int v : lags)
        l.append(v);
    QJsonArray featureLagArray;
    for (int v : featureLags)
        featureLagArray.append(v);
    return {{QStringLiteral("horizon"), horizon},     {QStringLiteral("season"), season},
            {QStringLiteral("lags"), l},              {QStringLiteral("window"), window},
            {QStringLiteral("freq"), frequency.name()}, {QStringLiteral("features"), QJsonArray::fromStringList(features)},
            {QStringLiteral("lagged_features"), QJsonArray::fromStringList(laggedFeatures)}, {QStringLiteral("feature_lags"), featureLagArray}};
}

LagSpec LagSpec::fromJson(const QJsonObject &o)
{
    LagSpec s;
    s.horizon = o.value(QStringLiteral("horizon")).toInt(1);
    s.season = o.value(QStringLiteral("season")).toInt(1);
    for (const QJsonValue &v : o.value(QStringLiteral("lags")).toArray())
        s.lags.push_back(v.toInt());
    s.window = o.value(QStringLiteral("window")).toInt(7);
    s.frequency = Frequency::fromName(o.value(QStringLiteral("freq")).toString()).value_or(Frequency{});
    for (const QJsonValue &v : o.value(QStringLiteral("features")).toArray())
        s.features << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("lagged_features")).toArray())
        s.laggedFeatures << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("feature_lags")).toArray())
        s.featureLags.push_back(v.toInt());
    return s;
}

void featureRow(const LagSpec &spec, const SeriesView &series, size_t origin, int step, float *out, double *level, double *scale)
{
    const std::vector<double> &y = *series.values;
    const size_t w = std::min(origin, size_t(std::max(1, spec.window)));
    double sum = 0, magnitude = 0;
    for (size_t i = origin - w; i < origin; ++i) {
        sum += y[i];
        magnitude += std::abs(y[i]);
    }
    const double mean = sum / double(w);
    // The scale is the window's mean magnitude, not its spread: one holiday dip in the window
    // would otherwise blow the spread up, and every forecast made from it with it.
    double sd = magnitude / double(w);
    if (!(sd > 1e-9)) {
        double squares = 0;
        for (size_t i = origin - w; i < origin; ++i)
            squares += (y[i] - mean) * (y[i] - mean);
        sd = w > 1 && squares > 0 ? std::sqrt(squares / double(w - 1)) : 1.0; // a window of zeros
    }
    *level = mean;
    *scale = sd;
    auto standard = [&](double v) { return float((v - mean) / sd); };
    const size_t t = origin + size_t(step) - 1;
    int c = 0;
    out[c++] = float(step);
    for (int l : spec.lags)
        out[c++] = size_t(l) <= origin ? standard(y[origin - size_t(l)]) : NAN;
    if (spec.season >= 2) {
        const size_t m = size_t(spec.season);
        const size_t back = m * ((size_t(step) + m - 1) / m);
        out[c++] = back <= t ? standard(y[t - back]) : NAN;
        out[c++] = back + m <= t ? standard(y[t - back - m]) : NAN;
    }
    const CivilTime at = spec.frequency.advance(series.start, qint64(t));
    for (Part p : calendarParts(spec.frequency))
        out[c++] = float(part(p, at));
    if (fourierTerms(spec.season)) {
        // The phase of t in its season, counted from a fixed point of the calendar, so that series
        // starting on different dates agree.
        const CivilTime reference = spec.frequency.bucket(CivilTime::fromDate(2000, 1, 3));
        const qint64 periods = spec.frequency.periodsBetween(reference, at);
        const double phase = double(((periods % spec.season) + spec.season) % spec.season) / spec.season;
        for (int k = 1; k <= fourierTerms(spec.season); ++k) {
            out[c++] = float(std::sin(2 * M_PI * k * phase));
            out[c++] = float(std::cos(2 * M_PI * k * phase));
        }
    }
    out[c++] = float(series.code);
    const qsizetype known = spec.features.size();
    for (qsizetype i = 0; i < known; ++i) {
        const std::vector<double> *f = series.features[size_t(i)];
        out[c++] = t < f->size() ? float((*f)[t]) : NAN;
    }
    // Feature lags: a known feature at t - k; one unknown at forecast time at o - k, before the origin.
    for (qsizetype i = 0; i < known + spec.laggedFeatures.size(); ++i) {
        const std::vector<double> *f = size_t(i) < series.features.size() ? series.features[size_t(i)] : nullptr;
        const size_t at = i < known ? t : origin;
        for (int l : spec.featureLags)
            out[c++] = f && size_t(l) <= at && at - size_t(l) < f->size() ? float((*f)[at - size_t(l)]) : NAN;
    }
}

} // namespace stratus::ml::forecasting
