#pragma once
// The type of a dataset column, as inferred on import or chosen by the user.
// integer, decimal and boolean columns are stored as numbers (boolean as
// 0/1); categorical, text and datetime columns as UTF-8 strings.

#include <QString>
#include <optional>

namespace stratus {

enum class ColumnType { Integer, Decimal, Boolean, Categorical, Text, DateTime };

constexpr ColumnType kAllColumnTypes[] = {ColumnType::Integer,     ColumnType::Decimal, ColumnType::Boolean,
                                          ColumnType::Categorical, ColumnType::Text,    ColumnType::DateTime};

// Stable names stored in the workspace and used by the CLI and JSON output.
QString columnTypeName(ColumnType type);
std::optional<ColumnType> columnTypeFromName(const QString &name);
// The translated name shown in the studio.
QString columnTypeLabel(ColumnType type);

inline bool isNumericType(ColumnType type)
{
    return type == ColumnType::Integer || type == ColumnType::Decimal || type == ColumnType::Boolean;
}

} // namespace stratus
