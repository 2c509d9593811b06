#include "ml/explain/PermutationImportance.h"

#include "ml/metrics/ClassificationMetrics.h"
#include "ml/metrics/RegressionMetrics.h"
#include "registry/Run.h"

#include <QJsonObject>
#include <cmath>
#include <random>

namespace stratus::ml {

Result<QList<ColumnImportance>> permutationImportance(const DataTable &evaluation, const Labels &labels,
                                                      const QStringList &columns, const TablePredictor &predict,
                                                      const QString &metric, quint64 seed, int repeats)
{
    const double sign = higherIsBetter(metric) ? 1 : -1;
    auto scoreOf = [&](const DataTable &t) -> Result<double> {
        auto p = predict(t);
        if (!p)
            return p.error();
        QMap<QString, double> m;
        if (labels.task == Task::Classification)
            m = classificationMetrics(std::vector<int>(labels.values.begin(), labels.values.end()), *p, labels.classes);
        else
            m = regressionMetrics(std::vector<double>(labels.values.begin(), labels.values.end()), *p);
        return sign * m.value(metric, std::nan(""));
    };
    auto baseline = scoreOf(evaluation);
    if (!baseline)
        return baseline.error();
    std::mt19937_64 rng(seed);
    QList<ColumnImportance> out;
    DataTable shuffled = evaluation;
    for (const QString &name : columns) {
        const int c = evaluation.indexOf(name);
        if (c < 0)
            continue;
        std::vector<double> drops;
        for (int k = 0; k < repeats; ++k) {
            DataColumn &column = shuffled.columns[size_t(c)];
            if (column.isNumeric()) {
                std::shuffle(column.numbers.begin(), column.numbers.end(), rng);
                column.integers.clear(); // the model reads the doubles; the exact values are not shuffled with them
            } else {
                std::shuffle(column.codes.begin(), column.codes.end(), rng);
            }
            auto score = scoreOf(shuffled);
            if (!score)
                return score.error();
            drops.push_back(*baseline - *score);
        }
        shuffled.columns[size_t(c)] = evaluation.columns[size_t(c)];
        double mean = 0, squares = 0;
        for (double d : drops)
            mean += d / double(drops.size());
        for (double d : drops)
            squares += (d - mean) * (d - mean) / double(drops.size());
        out.append({name, mean, std::sqrt(squares)});
    }
    std::stable_sort(out.begin(), out.end(), [](const ColumnImportance &a, const ColumnImportance &b) { return a.mean > b.mean; });
    return out;
}

QJsonArray toJson(const QList<ColumnImportance> &importance)
{
    QJsonArray out;
    for (const ColumnImportance &i : importance)
        out.append(QJsonObject{{QStringLiteral("column"), i.column}, {QStringLiteral("importance"), i.mean},
                               {QStringLiteral("std"), i.std}});
    return out;
}

} // namespace stratus::ml
