#include "ml/automl/Guardrails.h"

#include "ml/automl/Recommendation.h"

#include <QCoreApplication>
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
                                             : QString()),
                QStringLiteral("validation"),
                {{QStringLiteral("validation"), validation}, {QStringLiteral("dropped"), qint64(data.droppedMissing)}}});
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
                                      .arg(*lo),
                    ratio < 0.2 ? QStringLiteral("imbalanced") : QStringLiteral("balanced"),
                    {{QStringLiteral("smallest"), smallest}, {QStringLiteral("rows"), qint64(*lo)}, {QStringLiteral("percent"), ratio * 100}}});
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
                                        .arg(missing.join(QStringLiteral(", "))),
                missing.isEmpty() ? QStringLiteral("no_missing") : QStringLiteral("imputed"),
                {{QStringLiteral("columns"), missing.join(QStringLiteral(", "))}}});
    const QStringList high = featurizer.highCardinalityColumns();
    out.append({QStringLiteral("High cardinality feature detection"),
                high.isEmpty() ? QStringLiteral("Passed") : QStringLiteral("Done"),
                high.isEmpty() ? QStringLiteral("No categorical feature has too many values.")
                               : QStringLiteral("Frequency-encoded for their many values: %1.").arg(high.join(QStringLiteral(", "))),
                high.isEmpty() ? QStringLiteral("no_high_cardinality") : QStringLiteral("high_cardinality"),
                {{QStringLiteral("columns"), high.join(QStringLiteral(", "))}}});
    return out;
}

Guardrail predictionColumnsGuardrail(const QStringList &columns)
{
    return {QStringLiteral("Prediction columns detection"), QStringLiteral("Done"),
            QStringLiteral("Left out as features: %1. They are a scored dataset's predictions of the label and would leak it; "
                           "give them a column purpose to learn from them anyway.")
                .arg(columns.join(QStringLiteral(", "))),
            QStringLiteral("prediction_columns"),
            {{QStringLiteral("columns"), columns.join(QStringLiteral(", "))}}};
}

QJsonArray toJson(const QList<Guardrail> &guardrails)
{
    QJsonArray a;
    for (const Guardrail &g : guardrails)
        a.append(QJsonObject{{QStringLiteral("name"), g.name},
                             {QStringLiteral("status"), g.status},
                             {QStringLiteral("description"), g.description},
                             {QStringLiteral("code"), g.code},
                             {QStringLiteral("args"), g.args}});
    return a;
}

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::Guardrails)
};

} // namespace

QString guardrailName(const QJsonObject &g)
{
    const QString name = g.value(QStringLiteral("name")).toString();
    if (name == QLatin1String("Validation split handling"))
        return Tr::tr("Validation split handling");
    if (name == QLatin1String("Class balancing detection"))
        return Tr::tr("Class balancing detection");
    if (name == QLatin1String("Missing feature values imputation"))
        return Tr::tr("Missing feature values imputation");
    if (name == QLatin1String("High cardinality feature detection"))
        return Tr::tr("High cardinality feature detection");
    if (name == QLatin1String("Prediction columns detection"))
        return Tr::tr("Prediction columns detection");
    return name;
}

QString guardrailStatus(const QJsonObject &g)
{
    const QString status = g.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("Passed"))
        return Tr::tr("Passed");
    if (status == QLatin1String("Done"))
        return Tr::tr("Done");
    if (status == QLatin1String("Alerted"))
        return Tr::tr("Alerted");
    return status;
}

QString describeGuardrail(const QJsonObject &g)
{
    const QString code = g.value(QStringLiteral("code")).toString();
    const QJsonObject a = g.value(QStringLiteral("args")).toObject();
    if (code == QLatin1String("validation")) {
        const qint64 dropped = a.value(QStringLiteral("dropped")).toInteger();
        const QString validation = validationSentence(a); // "validation_detail", or the English "validation"
        return dropped ? Tr::tr("%1; %2 rows without a label were left out.").arg(validation, QString::number(dropped))
                       : validation + QLatin1Char('.');
    }
    if (code == QLatin1String("imbalanced"))
        return Tr::tr("The classes are imbalanced: '%1' has %2 rows, %3% of the largest class. Prefer AUC_weighted or "
                      "norm_macro_recall as the primary metric.")
            .arg(a.value(QStringLiteral("smallest")).toString(), QString::number(a.value(QStringLiteral("rows")).toInteger()),
                 QString::number(a.value(QStringLiteral("percent")).toDouble(), 'f', 1));
    if (code == QLatin1String("balanced"))
        return Tr::tr("Every class is well represented (the smallest, '%1', has %2 rows).")
            .arg(a.value(QStringLiteral("smallest")).toString(), QString::number(a.value(QStringLiteral("rows")).toInteger()));
    if (code == QLatin1String("no_missing"))
        return Tr::tr("No feature value is missing.");
    if (code == QLatin1String("imputed"))
        return Tr::tr("Missing values were imputed in: %1 (numbers: the median, with a missing indicator; categories: the "
                      "most frequent).")
            .arg(a.value(QStringLiteral("columns")).toString());
    if (code == QLatin1String("no_high_cardinality"))
        return Tr::tr("No categorical feature has too many values.");
    if (code == QLatin1String("prediction_columns"))
        return Tr::tr("Left out as features: %1. They are a scored dataset's predictions of the label and would leak it; "
                      "give them a column purpose to learn from them anyway.")
            .arg(a.value(QStringLiteral("columns")).toString());
    if (code == QLatin1String("high_cardinality"))
        return Tr::tr("Frequency-encoded for their many values: %1.").arg(a.value(QStringLiteral("columns")).toString());
    return g.value(QStringLiteral("description")).toString();
}

} // namespace stratus::ml
