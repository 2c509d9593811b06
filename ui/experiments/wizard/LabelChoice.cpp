#include "experiments/wizard/LabelChoice.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace stratus {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::LabelChoice)
};

int nameScore(const QString &name)
{
    static const QRegularExpression strong(QStringLiteral(
        "(^|[_\\-\\s])(label|target|class|outcome|y|death_event|death|churn|churned|default|survived|diagnosis|result|"
        "response|status|fraud|spam|approved|defaulted)($|[_\\-\\s])"),
                                           QRegularExpression::CaseInsensitiveOption);
    return strong.match(name).hasMatch() ? 3 : 0;
}

} // namespace

bool isPredictionColumn(const QString &name)
{
    return name.startsWith(QLatin1String("predicted_")) || name.startsWith(QLatin1String("proba_"));
}

int suggestLabel(const QList<DatasetColumn> &columns)
{
    int best = -1;
    double bestScore = -1e9;
    for (int i = 0; i < columns.size(); ++i) {
        const DatasetColumn &c = columns[i];
        if (isPredictionColumn(c.name))
            continue;
        const ColumnProfile &p = c.profile;
        const bool idLike = p.count > 20 && p.unique == p.count && c.type != ColumnType::Decimal;
        if (c.type == ColumnType::DateTime || c.type == ColumnType::Text || idLike || p.unique < 2)
            continue;
        double score = nameScore(c.name);
        if (c.type == ColumnType::Boolean || c.type == ColumnType::Categorical)
            score += 1;
        score += 0.5 * double(i) / double(std::max<qsizetype>(1, columns.size() - 1)); // the last column, by convention
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}

ml::Task impliedTask(const DatasetColumn &label)
{
    const bool classes = !isNumericType(label.type) || label.type == ColumnType::Boolean
                         || (label.type == ColumnType::Integer && label.profile.unique <= 20);
    return classes ? ml::Task::Classification : ml::Task::Regression;
}

QString describeTask(const DatasetColumn &label)
{
    const ColumnProfile &p = label.profile;
    if (impliedTask(label) == ml::Task::Regression)
        return Tr::tr("Regression: predicts a number (from %1 to %2)")
            .arg(p.minText.isEmpty() ? QLocale().toString(p.min.value_or(0), 'g', 6) : p.minText,
                 p.maxText.isEmpty() ? QLocale().toString(p.max.value_or(0), 'g', 6) : p.maxText);
    QStringList names;
    if (label.type == ColumnType::Boolean) // the classes as predictions answer them (0/1 answers false/true)
        names = {label.spelling.answer(false), label.spelling.answer(true)};
    else
        for (const auto &[value, n] : p.topValues)
            if (names.size() < 5)
                names << value;
    return Tr::tr("Classification: predicts one of %1 classes (%2%3)")
        .arg(QString::number(p.unique), names.join(QStringLiteral(", ")), p.unique > names.size() ? QStringLiteral(", ...") : QString());
}

} // namespace stratus
