#include "data/csv/CsvDialect.h"

namespace stratus {

QJsonObject CsvDialect::toJson() const
{
    QJsonObject o{{QStringLiteral("delimiter"), QString(QLatin1Char(delimiter))},
                  {QStringLiteral("header"), hasHeader},
                  {QStringLiteral("decimal_comma"), decimalComma},
                  {QStringLiteral("bom"), hasBom}};
    if (firstLine > 0)
        o.insert(QStringLiteral("first_line"), firstLine);
    return o;
}

CsvDialect CsvDialect::fromJson(const QJsonObject &json)
{
    CsvDialect d;
    const QString delimiter = json.value(QStringLiteral("delimiter")).toString();
    if (delimiter.size() == 1 && delimiter.at(0).unicode() < 128)
        d.delimiter = char(delimiter.at(0).unicode());
    d.hasHeader = json.value(QStringLiteral("header")).toBool(true);
    d.decimalComma = json.value(QStringLiteral("decimal_comma")).toBool(false);
    d.hasBom = json.value(QStringLiteral("bom")).toBool(false);
    d.firstLine = json.value(QStringLiteral("first_line")).toInteger(0);
    return d;
}

QString CsvDialect::delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',': return QStringLiteral("comma");
    case '\t': return QStringLiteral("tab");
    case ';': return QStringLiteral("semicolon");
    case '|': return QStringLiteral("pipe");
    default: return QString(QLatin1Char(delimiter));
    }
}

} // namespace stratus
