#include "data/DataTable.h"

#include <QCoreApplication>
#include <QLocale>
#include <limits>

namespace stratus {

bool BooleanSpelling::isNumeric() const
{
    bool a = false, b = false;
    falseText.toDouble(&a);
    trueText.toDouble(&b);
    return a && b;
}

QString BooleanSpelling::answer(bool value) const
{
    if (isNumeric())
        return value ? QStringLiteral("true") : QStringLiteral("false");
    return text(value);
}

void DataColumn::appendMissing()
{
    numbers.push_back(std::numeric_limits<double>::quiet_NaN());
    if (type == ColumnType::Integer)
        integers.push_back(0);
}

void DataColumn::appendNumber(double value)
{
    numbers.push_back(value);
    if (type == ColumnType::Integer)
        integers.push_back(std::isnan(value) ? 0 : int64_t(value));
}

void DataColumn::appendInteger(int64_t value)
{
    numbers.push_back(double(value));
    integers.push_back(value);
}

QString shownValue(const QString &value)
{
    QString shown = value.left(60);
    if (shown.size() < value.size())
        shown += QStringLiteral("...");
    shown.replace(QLatin1Char('\n'), QStringLiteral("\\n")).replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return shown;
}

QString formatDecimal(double value)
{
    if (std::isnan(value))
        return {};
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString formatNumber(double value, ColumnType type, const BooleanSpelling &spelling)
{
    if (std::isnan(value))
        return {};
    if (type == ColumnType::Boolean)
        return spelling.text(value != 0);
    if (type == ColumnType::Integer && std::abs(value) < 9.007e15)
        return QString::number(qint64(value));
    return formatDecimal(value);
}

QString DataColumn::display(size_t row) const
{
    if (type == ColumnType::Integer && integers.size() == numbers.size())
        return std::isnan(numbers[row]) ? QString() : QString::number(qint64(integers[row]));
    if (isNumeric())
        return formatNumber(numbers[row], type, spelling);
    const int32_t code = codes[row];
    return code < 0 ? QString() : QString::fromStdString(dictionary[size_t(code)]);
}

DataColumn DataColumn::rows(const std::vector<size_t> &rows) const
{
    DataColumn out;
    out.name = name;
    out.type = type;
    out.spelling = spelling;
    if (isNumeric()) {
        out.numbers.reserve(rows.size());
        for (size_t r : rows)
            out.numbers.push_back(numbers[r]);
        if (!integers.empty()) {
            out.integers.reserve(rows.size());
            for (size_t r : rows)
                out.integers.push_back(integers[r]);
        }
    } else {
        out.dictionary = dictionary;
        out.codes.reserve(rows.size());
        for (size_t r : rows)
            out.codes.push_back(codes[r]);
    }
    return out;
}

DataColumn DataColumn::slice(size_t from, size_t to) const
{
    DataColumn out;
    out.name = name;
    out.type = type;
    out.spelling = spelling;
    if (isNumeric()) {
        out.numbers.assign(numbers.begin() + qsizetype(from), numbers.begin() + qsizetype(to));
        if (!integers.empty())
            out.integers.assign(integers.begin() + qsizetype(from), integers.begin() + qsizetype(to));
    } else {
        out.codes.assign(codes.begin() + qsizetype(from), codes.begin() + qsizetype(to));
        out.dictionary = dictionary;
    }
    return out;
}

int DataTable::indexOf(const QString &name) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return int(i);
    }
    return -1;
}

QString DataTable::where(size_t row) const
{
    if (row < sourceLines.size())
        return QCoreApplication::translate("stratus::DataTable", "line %1").arg(sourceLines[row]);
    if (firstLine > 0)
        return QCoreApplication::translate("stratus::DataTable", "line %1").arg(firstLine + qint64(rowOffset + row));
    return QCoreApplication::translate("stratus::DataTable", "row %1").arg(rowOffset + row + 1);
}

DataTable DataTable::rows(const std::vector<size_t> &rows) const
{
    DataTable out;
    out.rowCount = rows.size();
    out.columns.reserve(columns.size());
    for (const DataColumn &c : columns)
        out.columns.push_back(c.rows(rows));
    if (!sourceLines.empty() || firstLine > 0) {
        for (size_t r : rows)
            out.sourceLines.push_back(r < sourceLines.size() ? sourceLines[r] : firstLine + qint64(rowOffset + r));
    }
    return out;
}

DataTable DataTable::slice(size_t from, size_t to) const
{
    DataTable out;
    out.rowCount = to - from;
    out.columns.reserve(columns.size());
    for (const DataColumn &c : columns)
        out.columns.push_back(c.slice(from, to));
    if (!sourceLines.empty())
        out.sourceLines.assign(sourceLines.begin() + qsizetype(from), sourceLines.begin() + qsizetype(to));
    out.firstLine = firstLine;
    out.rowOffset = rowOffset + from;
    return out;
}

QJsonObject columnFormat(const DataColumn &column)
{
    QJsonObject format;
    if (column.type == ColumnType::Integer)
        format.insert(QStringLiteral("encoding"), QStringLiteral("int64"));
    if (column.type == ColumnType::Boolean && !column.spelling.isDefault()) {
        format.insert(QStringLiteral("false"), column.spelling.falseText);
        format.insert(QStringLiteral("true"), column.spelling.trueText);
    }
    return format;
}

void applyColumnFormat(DataColumn &column, const QJsonObject &format)
{
    if (column.type == ColumnType::Boolean && format.contains(QStringLiteral("true"))) {
        column.spelling.falseText = format.value(QStringLiteral("false")).toString();
        column.spelling.trueText = format.value(QStringLiteral("true")).toString();
    }
}

} // namespace stratus
