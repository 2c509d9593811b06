#include "data/ColumnType.h"

#include <QCoreApplication>

namespace stratus {

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer: return QStringLiteral("integer");
    case ColumnType::Decimal: return QStringLiteral("decimal");
    case ColumnType::Boolean: return QStringLiteral("boolean");
    case ColumnType::Categorical: return QStringLiteral("categorical");
    case ColumnType::Text: return QStringLiteral("text");
    case ColumnType::DateTime: return QStringLiteral("datetime");
    }
    return {};
}

std::optional<ColumnType> columnTypeFromName(const QString &name)
{
    for (ColumnType type : kAllColumnTypes) {
        if (name.compare(columnTypeName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

QString columnTypeLabel(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer: return QCoreApplication::translate("stratus::ColumnType", "Integer");
    case ColumnType::Decimal: return QCoreApplication::translate("stratus::ColumnType", "Decimal");
    case ColumnType::Boolean: return QCoreApplication::translate("stratus::ColumnType", "Boolean");
    case ColumnType::Categorical: return QCoreApplication::translate("stratus::ColumnType", "Categorical");
    case ColumnType::Text: return QCoreApplication::translate("stratus::ColumnType", "Text");
    case ColumnType::DateTime: return QCoreApplication::translate("stratus::ColumnType", "Date/time");
    }
    return {};
}

} // namespace stratus
