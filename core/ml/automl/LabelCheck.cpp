#include "ml/automl/LabelCheck.h"

#include "data/CellParser.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace stratus::ml {

namespace {

constexpr int kExamples = 3;

QString examples(const QList<QPair<size_t, QString>> &found, const DataTable &table, qint64 total)
{
    QStringList shown;
    for (const auto &[row, value] : found)
        shown << QStringLiteral("'%1' on %2").arg(shownValue(value), table.where(row));
    if (total > found.size())
        shown << QStringLiteral("...");
    return shown.join(QStringLiteral(", "));
}

} // namespace

Status checkLabel(const DataTable &table, int label, Task task, bool typeChosen)
{
    if (label < 0 || label >= int(table.columns.size()))
        return {};
    const DataColumn &c = table.columns[size_t(label)];
    // The values that are numbers and those that are not, for a text column.
    qint64 present = 0, numbers = 0, words = 0;
    QList<QPair<size_t, QString>> numberExamples, wordExamples;
    QSet<QString> distinct;
    QStringList firstSeen; // the distinct values in the order of the rows
    for (size_t r = 0; r < table.rowCount; ++r) {
        if (c.isMissing(r))
            continue;
        ++present;
        const QString value = c.display(r);
        if (!distinct.contains(value)) {
            distinct.insert(value);
            firstSeen << value;
        }
        if (c.isNumeric())
            continue;
        const QByteArray utf8 = value.toUtf8();
        if (cells::parseNumber(cells::trim(std::string_view(utf8.constData(), size_t(utf8.size()))), false)) {
            if (numberExamples.size() < kExamples)
                numberExamples.append({r, value});
            ++numbers;
        } else {
            if (wordExamples.size() < kExamples)
                wordExamples.append({r, value});
            ++words;
        }
    }
    const QString n = QString::number(numbers), w = QString::number(words), p = QString::number(present);
    if (task == Task::Regression) {
        if (c.isNumeric())
            return {};
        if (numbers == 0)
            return Error{QStringLiteral("label '%1' is %2, not numbers (%3), so it cannot be regressed; use --task "
                                        "classification")
                             .arg(c.name, columnTypeName(c.type), examples(wordExamples, table, words))};
        return Error{QStringLiteral("label '%1' is %2, not numbers: %3 of %4 values are not numbers (%5). Fix those "
                                    "cells, or import the file with --type %1=decimal to read them as missing (those "
                                    "rows are then left out)")
                         .arg(c.name, columnTypeName(c.type), w, p, examples(wordExamples, table, words))};
    }
    if (!c.isNumeric() && !typeChosen && numbers > words && words > 0) {
        // Few distinct numbers: classes with stray cells; many: a measurement.
        QSet<QString> numberValues;
        for (size_t r = 0; r < table.rowCount && numberValues.size() <= 10; ++r) {
            const QString value = c.isMissing(r) ? QString() : c.display(r);
            const QByteArray utf8 = value.toUtf8();
            if (!value.isEmpty() && cells::parseNumber(cells::trim(std::string_view(utf8.constData(), size_t(utf8.size()))), false))
                numberValues.insert(value);
        }
        if (numberValues.size() <= 10)
            return Error{QStringLiteral("label '%1' holds %2 classes written as numbers (%3) and %4 cells that are not "
                                        "(%5). Fix those cells, or import the file with --type %1=integer (or boolean) "
                                        "to read them as missing (those rows are then left out)")
                             .arg(c.name, QString::number(numberValues.size()), examples(numberExamples, table, numbers), w,
                                  examples(wordExamples, table, words))};
        return Error{QStringLiteral("label '%1' looks like a measurement, not classes: %2 of %3 values are numbers (%4) "
                                    "and %5 are not (%6). Use --task regression to predict the number (the cells that "
                                    "are not numbers are then named), or import the file with --type %1=categorical "
                                    "if these are classes")
                         .arg(c.name, n, p, examples(numberExamples, table, numbers), w, examples(wordExamples, table, words))};
    }
    if (!c.isNumeric() && !typeChosen) {
        // Classes that differ only in case or spaces ("yes" and "Yes"): one class written two ways.
        QHash<QString, QString> folded;
        for (const QString &value : std::as_const(firstSeen)) {
            const QString key = value.trimmed().toCaseFolded();
            if (folded.contains(key) && folded.value(key) != value)
                return Error{QStringLiteral("label '%1' writes one class in two ways ('%2' and '%3'), which would be "
                                            "learnt as two classes. Make them one in the file, or import it with "
                                            "--type %1=boolean (for yes/no) or --type %1=categorical to keep them apart")
                                 .arg(c.name, shownValue(folded.value(key)), shownValue(value))};
            folded.insert(key, value);
        }
    }
    const qint64 classes = distinct.size();
    if (classes > 10 && classes * 5 > present) {
        QList<QPair<size_t, QString>> some;
        for (size_t r = 0; r < table.rowCount && some.size() < kExamples; ++r) {
            if (!c.isMissing(r))
                some.append({r, c.display(r)});
        }
        return Error{QStringLiteral("label '%1' has %2 distinct values in %3 rows (more than a fifth of them: %4), so "
                                    "most classes would have one or two rows. %5")
                         .arg(c.name, QString::number(classes), p, examples(some, table, classes),
                              c.isNumeric() || numbers > words
                                  ? QStringLiteral("If it is a quantity, use --task regression")
                                  : QStringLiteral("Choose a label with fewer classes, or group its values"))};
    }
    return {};
}

QStringList labelPredictionColumns(const QStringList &columns, const QString &label)
{
    const QString predicted = QStringLiteral("predicted_") + label;
    if (!columns.contains(predicted))
        return {};
    QStringList out;
    for (const QString &c : columns)
        if (c == predicted || c.startsWith(QLatin1String("proba_")))
            out << c;
    return out;
}

} // namespace stratus::ml
