#include "data/ColumnNote.h"

#include "data/DataTable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace stratus {

namespace {

// The translation context of this file's messages (lupdate reads it).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::ColumnNote)
};

QString typeWords(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer: return Tr::tr("whole numbers");
    case ColumnType::Decimal: return Tr::tr("numbers");
    case ColumnType::Boolean: return Tr::tr("booleans");
    case ColumnType::DateTime: return Tr::tr("ISO 8601 dates");
    case ColumnType::Categorical:
    case ColumnType::Text: break;
    }
    return Tr::tr("text");
}

const char *const kKindNames[] = {"mostly_type", "not_of_chosen_type", "other_decimal_separator",
                                  "integer_too_large", "leading_zeros", "respelled"};

} // namespace

QString ColumnNote::kindName() const
{
    return QString::fromLatin1(kKindNames[int(kind)]);
}

QString ColumnNote::message() const
{
    QStringList shown;
    for (const auto &[line, value] : examples)
        shown << Tr::tr("'%1' on line %2").arg(shownValue(value), QString::number(line));
    QString list = shown.join(QStringLiteral(", "));
    if (count > qint64(examples.size()))
        list += QStringLiteral(", ...");
    // One multi-argument arg(): a column named "rate %2" stays as it is.
    const QString name = columnTypeName(type), n = QString::number(count), of = QString::number(total);
    switch (kind) {
    case Kind::MostlyType:
        return Tr::tr("column '%1': %2 of %3 values are not %4 (%5), the other %6 are. The column was kept as text, with "
                      "every value as written; choose the type %7 to read those as missing values.")
            .arg(column, n, of, typeWords(type), list, QString::number(total - count), name);
    case Kind::NotOfChosenType:
        return Tr::tr("column '%1': %2 of %3 values are not %4 (%5) and were read as missing values, as the type %6 "
                      "asks. Choose text to keep them.")
            .arg(column, n, of, typeWords(type), list, name);
    case Kind::OtherDecimalSeparator:
        return Tr::tr("column '%1': %2 of %3 numbers are written with the other decimal separator (%4) and were read as "
                      "the numbers they are.")
            .arg(column, n, of, list);
    case Kind::IntegerTooLarge:
        return Tr::tr("column '%1' holds whole numbers too large for 64 bits (%2 of %3 values: %4), so the column is text "
                      "(an ID), with every value as written.")
            .arg(column, n, of, list);
    case Kind::LeadingZeros:
        return Tr::tr("column '%1': %2 of %3 values are whole numbers written with leading zeros or a sign (%4), so the "
                      "column is text (codes), with every value as written. Choose integer to read them as numbers.")
            .arg(column, n, of, list);
    case Kind::Respelled:
        return Tr::tr("column '%1': %2 values write true or false another way than the first ones do (%3); they are "
                      "written back in the first spelling.")
            .arg(column, n, list);
    }
    return {};
}

QJsonObject ColumnNote::toJson() const
{
    QJsonArray list;
    for (const auto &[line, value] : examples)
        list.append(QJsonObject{{QStringLiteral("line"), line}, {QStringLiteral("value"), value}});
    return {{QStringLiteral("column"), column},
            {QStringLiteral("kind"), kindName()},
            {QStringLiteral("type"), columnTypeName(type)},
            {QStringLiteral("count"), count},
            {QStringLiteral("total"), total},
            {QStringLiteral("examples"), list},
            {QStringLiteral("message"), message()}};
}

ColumnNote ColumnNote::fromJson(const QJsonObject &json)
{
    ColumnNote n;
    n.column = json.value(QStringLiteral("column")).toString();
    const QString kind = json.value(QStringLiteral("kind")).toString();
    for (int i = 0; i < int(std::size(kKindNames)); ++i) {
        if (kind == QLatin1String(kKindNames[i]))
            n.kind = Kind(i);
    }
    n.type = columnTypeFromName(json.value(QStringLiteral("type")).toString()).value_or(ColumnType::Text);
    n.count = json.value(QStringLiteral("count")).toInteger();
    n.total = json.value(QStringLiteral("total")).toInteger();
    for (const QJsonValue &e : json.value(QStringLiteral("examples")).toArray())
        n.examples.append({e.toObject().value(QStringLiteral("line")).toInteger(), e.toObject().value(QStringLiteral("value")).toString()});
    return n;
}

} // namespace stratus
