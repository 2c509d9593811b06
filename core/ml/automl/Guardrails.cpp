#include "ml/automl/Guardrails.h"

#include <QJsonObject>
#include <algorithm>

namespace stratus::ml {

QList<Guardrail> dataGuardrails(const DataTable &table, int label, const LabelData &data, const Featurizer &featurizer,
                                const QString &validation)
{
    QList<Guardrail> out;
    out.append({QStringLiteral("Validation split handling"), QStringLiteral("Done"),
                QStringLiteral("%1%2.")
                    .arg(validation,
                         data.droppedMissing ? QStringLiteral("; %1 rows without a label were left out").arg(data.droppedMissing)
                                             : QString())});
    if (data.labels.task == Task::Classification) {
        std::vector<size_t> counts(size_t(data.labels.classes), 0);
        for (float v : data.labels.values)
            ++counts[size_t(v)];
        const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
        const double ratio = *hi ? double(*lo) / double(*hi) : 1;
        const QString smallest = data.classNames.value(int(lo - counts.begin()));
        out.append({QStringLiteral("Class balancing detection"), ratio < 0.2 ? QStringLiteral("Alerted") : QStringLiteral("Passed"),
                    ratio < 0.2 ? QStringLiteral("The classes are imbalanced: '%1' has %2 rows, %3% of the largest class. "
                                                 "Prefer AUC_weighted or norm_macro_recall as the primary metric.")
                                      .arg(smallest)
                                      .arg(*lo)
                                      .arg(ratio * 100, 0, 'f', 1)
                                : QStringLiteral("Every class is well represented (the smallest, '%1', has %2 rows).")
                                      .arg(smallest)
                                      .arg(*lo)});
    }
    QStringList missing;
    for (const ColumnSummary &s : featurizer.summary()) {
        if (s.action.startsWith(QLatin1String("dropped")))
            continue;
        const int c = table.indexOf(s.column);
        if (c < 0 || c == label)
            continue;
        const DataColumn &column = table.columns[size_t(c)];
        if (std::any_of(data.rows.begin(), data.rows.end(), [&](size_t r) { return column.isMissing(r); }))
            missing << s.column;
    }
    out.append({QStringLiteral("Missing feature values imputation"),
                missing.isEmpty() ? QStringLiteral("Passed") : QStringLiteral("Done"),
                missing.isEmpty() ? QStringLiteral("No feature value is missing.")
                                  : QStringLiteral("Missing values were imputed in: %1 (numbers: the median, with a "
                                                   "missing indicator; categories: the most frequent).")
                                        .arg(missing.join(QStringLiteral(", ")))});
    const QStringList high = featurizer.highCardinalityColumns();
    out.append({QStringLiteral("High cardinality feature detection"),
                high.isEmpty() ? QStringLiteral("Passed") : QStringLiteral("Done"),
                high.isEmpty() ? QStringLiteral("No categorical feature has too many values.")
                               : QStringLiteral("Frequency-encoded for their many values: %1.").arg(high.join(QStringLiteral(", ")))});
    return out;
}

QJsonArray toJson(const QList<Guardrail> &guardrails)
{
    QJsonArray a;
    for (const Guardrail &g : guardrails)
        a.append(QJsonObject{{QStringLiteral("name"), g.name},
                             {QStringLiteral("status"), g.status},
                             {QStringLiteral("description"), g.description}});
    return a;
}

} // namespace stratus::ml
