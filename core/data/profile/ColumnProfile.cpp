#include "data/profile/ColumnProfile.h"

#include "data/profile/RadixSort.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace stratus {

namespace {

constexpr int kTopValues = 10;
constexpr int kCategoryBars = 20;

double quantile(const std::vector<double> &sorted, double p)
{
    // Linear interpolation between closest ranks, as pandas and numpy do.
    const double pos = p * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

void moments(ColumnProfile &p, const std::vector<double> &v)
{
    const double n = double(v.size());
    long double sum = 0;
    for (double x : v)
        sum += x;
    const double mean = double(sum / n);
    long double s2 = 0, s3 = 0, s4 = 0;
    for (double x : v) {
        const long double d = x - mean;
        const long double d2 = d * d;
        s2 += d2;
        s3 += d2 * d;
        s4 += d2 * d2;
    }
    p.mean = mean;
    if (n > 1)
        p.stddev = double(std::sqrt(s2 / (n - 1)));
    if (s2 <= 0)
        return;
    // pandas' bias-corrected skewness (G1) and excess kurtosis (G2).
    const long double m2 = s2 / n, m3 = s3 / n;
    if (n > 2)
        p.skewness = double(std::sqrt(n * (n - 1)) / (n - 2) * m3 / std::pow(m2, 1.5L));
    if (n > 3) {
        const long double numer = n * (n + 1) * (n - 1) * s4;
        const long double denom = (n - 2) * (n - 3) * s2 * s2;
        p.kurtosis = double(numer / denom - 3.0L * (n - 1) * (n - 1) / ((n - 2) * (n - 3)));
    }
}

void histogram(ColumnProfile &p, const std::vector<double> &sorted, bool integral)
{
    const double lo = sorted.front(), hi = sorted.back();
    int bins;
    if (integral && hi - lo < 30)
        bins = int(hi - lo) + 1; // one bar per whole number
    else
        bins = std::clamp(int(std::ceil(std::log2(double(sorted.size())))) + 1, 5, 40);
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    const double start = integral && hi - lo < 30 ? lo - 0.5 : lo;
    p.binEdges.resize(size_t(bins) + 1);
    for (int i = 0; i <= bins; ++i)
        p.binEdges[size_t(i)] = start + width * i;
    p.binCounts.assign(size_t(bins), 0);
    for (double x : sorted) {
        int b = int((x - start) / width);
        p.binCounts[size_t(std::clamp(b, 0, bins - 1))]++;
    }
}

void profileNumeric(ColumnProfile &p, const DataColumn &c)
{
    std::vector<double> v;
    v.reserve(c.numbers.size());
    for (double x : c.numbers) {
        if (!std::isnan(x))
            v.push_back(x);
    }
    p.count = qint64(v.size());
    p.missing = qint64(c.numbers.size() - v.size());
    if (v.empty())
        return;
    radixSort(v);
    p.min = v.front();
    p.max = v.back();
    for (double q : ColumnProfile::kQuantiles)
        p.quantiles.push_back(quantile(v, q));
    moments(p, v);
    // Distinct values and the most frequent ones, from runs of the sorted
    // values: the exact integers for an integer column (doubles would merge
    // IDs beyond 2^53).
    if (c.type == ColumnType::Integer && c.integers.size() == c.numbers.size()) {
        std::vector<int64_t> exact;
        exact.reserve(v.size());
        for (size_t i = 0; i < c.numbers.size(); ++i) {
            if (!std::isnan(c.numbers[i]))
                exact.push_back(c.integers[i]);
        }
        std::sort(exact.begin(), exact.end());
        p.minText = QString::number(qint64(exact.front()));
        p.maxText = QString::number(qint64(exact.back()));
        std::vector<std::pair<qint64, int64_t>> runs;
        for (size_t i = 0; i < exact.size();) {
            size_t j = i;
            while (j < exact.size() && exact[j] == exact[i])
                ++j;
            runs.emplace_back(qint64(j - i), exact[i]);
            i = j;
        }
        p.unique = qint64(runs.size());
        const size_t top = std::min<size_t>(kTopValues, runs.size());
        std::partial_sort(runs.begin(), runs.begin() + long(top), runs.end(),
                          [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
        for (size_t i = 0; i < top; ++i)
            p.topValues.append({QString::number(qint64(runs[i].second)), runs[i].first});
        histogram(p, v, true);
        return;
    }
    std::vector<std::pair<qint64, double>> runs;
    for (size_t i = 0; i < v.size();) {
        size_t j = i;
        while (j < v.size() && v[j] == v[i])
            ++j;
        runs.emplace_back(qint64(j - i), v[i]);
        i = j;
    }
    p.unique = qint64(runs.size());
    const size_t top = std::min<size_t>(kTopValues, runs.size());
    std::partial_sort(runs.begin(), runs.begin() + long(top), runs.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (size_t i = 0; i < top; ++i)
        p.topValues.append({formatNumber(runs[i].second, c.type, c.spelling), runs[i].first});
    if (c.type == ColumnType::Boolean) {
        p.binLabels = {c.spelling.falseText, c.spelling.trueText};
        const qint64 trues = std::count(v.begin(), v.end(), 1.0);
        p.binCounts = {p.count - trues, trues};
    } else {
        histogram(p, v, c.type == ColumnType::Integer);
    }
}

void profileStrings(ColumnProfile &p, const DataColumn &c)
{
    std::vector<qint64> counts(c.dictionary.size(), 0);
    for (int32_t code : c.codes) {
        if (code < 0)
            ++p.missing;
        else
            ++counts[size_t(code)];
    }
    p.count = qint64(c.codes.size()) - p.missing;
    p.unique = qint64(std::count_if(counts.begin(), counts.end(), [](qint64 n) { return n > 0; }));
    std::vector<size_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return counts[a] > counts[b] || (counts[a] == counts[b] && c.dictionary[a] < c.dictionary[b]);
    });
    for (size_t i = 0; i < order.size() && i < size_t(kTopValues); ++i)
        p.topValues.append({QString::fromStdString(c.dictionary[order[i]]), counts[order[i]]});
    qint64 other = p.count;
    for (size_t i = 0; i < order.size() && i < size_t(kCategoryBars); ++i) {
        p.binLabels << QString::fromStdString(c.dictionary[order[i]]);
        p.binCounts.push_back(counts[order[i]]);
        other -= counts[order[i]];
    }
    if (other > 0) {
        p.binLabels << QStringLiteral("(other)");
        p.binCounts.push_back(other);
    }
    if (c.type == ColumnType::DateTime && !c.dictionary.empty()) {
        const auto [lo, hi] = std::minmax_element(c.dictionary.begin(), c.dictionary.end());
        p.minText = QString::fromStdString(*lo);
        p.maxText = QString::fromStdString(*hi);
    }
}

QJsonValue optional(const std::optional<double> &v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue();
}

std::optional<double> optional(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

} // namespace

ColumnProfile profileColumn(const DataColumn &column)
{
    ColumnProfile p;
    p.name = column.name;
    p.type = column.type;
    if (column.isNumeric())
        profileNumeric(p, column);
    else
        profileStrings(p, column);
    return p;
}

std::vector<ColumnProfile> profileTable(const DataTable &table, const TaskControl &control)
{
    std::atomic<int> done{0};
    const int total = int(table.columns.size());
    auto result = QtConcurrent::blockingMapped<std::vector<ColumnProfile>>(
        table.columns, [&](const DataColumn &c) {
            if (control.canceled())
                return ColumnProfile{};
            ColumnProfile p = profileColumn(c);
            control.report(double(++done) / double(qMax(total, 1)));
            return p;
        });
    if (control.canceled())
        return {};
    return result;
}

QJsonObject ColumnProfile::toJson() const
{
    QJsonObject o{{QStringLiteral("count"), count},
                  {QStringLiteral("missing"), missing},
                  {QStringLiteral("unique"), unique},
                  {QStringLiteral("min"), optional(min)},
                  {QStringLiteral("max"), optional(max)},
                  {QStringLiteral("mean"), optional(mean)},
                  {QStringLiteral("std"), optional(stddev)},
                  {QStringLiteral("skewness"), optional(skewness)},
                  {QStringLiteral("kurtosis"), optional(kurtosis)}};
    QJsonObject q;
    for (size_t i = 0; i < quantiles.size(); ++i)
        q.insert(QString::number(kQuantiles[i]), quantiles[i]);
    o.insert(QStringLiteral("quantiles"), q);
    if (!minText.isEmpty()) {
        o.insert(QStringLiteral("min_text"), minText);
        o.insert(QStringLiteral("max_text"), maxText);
    }
    QJsonArray top;
    for (const auto &[value, n] : topValues)
        top.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("count"), n}});
    o.insert(QStringLiteral("top_values"), top);
    QJsonArray edges, labels, counts;
    for (double e : binEdges)
        edges.append(e);
    for (const QString &l : binLabels)
        labels.append(l);
    for (qint64 n : binCounts)
        counts.append(n);
    o.insert(QStringLiteral("histogram"), QJsonObject{{QStringLiteral("edges"), edges},
                                                      {QStringLiteral("labels"), labels},
                                                      {QStringLiteral("counts"), counts}});
    if (typeChosen)
        o.insert(QStringLiteral("type_chosen"), true);
    if (!notes.isEmpty()) {
        QJsonArray list;
        for (const ColumnNote &n : notes)
            list.append(n.toJson());
        o.insert(QStringLiteral("notes"), list);
    }
    return o;
}

ColumnProfile ColumnProfile::fromJson(const QJsonObject &o, const QString &name, ColumnType type)
{
    ColumnProfile p;
    p.name = name;
    p.type = type;
    p.count = o.value(QStringLiteral("count")).toInteger();
    p.missing = o.value(QStringLiteral("missing")).toInteger();
    p.unique = o.value(QStringLiteral("unique")).toInteger();
    p.min = optional(o.value(QStringLiteral("min")));
    p.max = optional(o.value(QStringLiteral("max")));
    p.mean = optional(o.value(QStringLiteral("mean")));
    p.stddev = optional(o.value(QStringLiteral("std")));
    p.skewness = optional(o.value(QStringLiteral("skewness")));
    p.kurtosis = optional(o.value(QStringLiteral("kurtosis")));
    const QJsonObject q = o.value(QStringLiteral("quantiles")).toObject();
    for (double k : kQuantiles) {
        const QJsonValue v = q.value(QString::number(k));
        if (v.isDouble())
            p.quantiles.push_back(v.toDouble());
    }
    p.minText = o.value(QStringLiteral("min_text")).toString();
    p.maxText = o.value(QStringLiteral("max_text")).toString();
    for (const QJsonValue &t : o.value(QStringLiteral("top_values")).toArray()) {
        const QJsonObject to = t.toObject();
        p.topValues.append({to.value(QStringLiteral("value")).toString(), to.value(QStringLiteral("count")).toInteger()});
    }
    p.typeChosen = o.value(QStringLiteral("type_chosen")).toBool();
    for (const QJsonValue &n : o.value(QStringLiteral("notes")).toArray())
        p.notes.append(ColumnNote::fromJson(n.toObject()));
    const QJsonObject h = o.value(QStringLiteral("histogram")).toObject();
    for (const QJsonValue &e : h.value(QStringLiteral("edges")).toArray())
        p.binEdges.push_back(e.toDouble());
    for (const QJsonValue &l : h.value(QStringLiteral("labels")).toArray())
        p.binLabels << l.toString();
    for (const QJsonValue &n : h.value(QStringLiteral("counts")).toArray())
        p.binCounts.push_back(n.toInteger());
    return p;
}

} // namespace stratus
