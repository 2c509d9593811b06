#pragma once
// DataTable: a dataset held in memory, column by column — the value model
// every path shares (import, storage, featurization, prediction, scoring,
// export).
//
// - decimal: doubles, NaN for a missing value; written back as the shortest
//   text that reads as the same double.
// - integer: the exact 64-bit values in `integers` (full range), and the same
//   values as doubles in `numbers` for the learners (NaN marks a missing
//   value; the double may round above 2^53, the integer never does).
// - boolean: 0/1 doubles (NaN missing), written with the column's own two
//   spellings (`spelling`: "yes"/"no" stays "yes"/"no", "0"/"1" stays
//   "0"/"1"); as a label, a column written 0/1 answers false/true, as Azure
//   answers the lesson (`answer()`).
// - categorical, text, datetime: dictionary codes into the distinct UTF-8
//   values as written, -1 for a missing value.

#include "data/ColumnType.h"

#include <QJsonObject>
#include <QString>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace stratus {

// How a boolean column writes false and true.
struct BooleanSpelling {
    QString falseText = QStringLiteral("false");
    QString trueText = QStringLiteral("true");

    const QString &text(bool value) const { return value ? trueText : falseText; }
    bool isDefault() const { return falseText == QLatin1String("false") && trueText == QLatin1String("true"); }
    // Both spellings are numbers ("0"/"1", "0.0"/"1.0").
    bool isNumeric() const;
    // How a prediction of the column answers: its spellings, but false/true
    // for a column written with numbers (Azure's {"result": [false]}).
    QString answer(bool value) const;
    bool operator==(const BooleanSpelling &) const = default;
};

struct DataColumn {
    QString name;
    ColumnType type = ColumnType::Decimal;
    std::vector<double> numbers;          // numeric types (NaN: missing)
    std::vector<int64_t> integers;        // integer: the exact values (0 where missing)
    std::vector<int32_t> codes;           // string types
    std::vector<std::string> dictionary;  // string types: distinct values
    BooleanSpelling spelling;             // boolean

    bool isNumeric() const { return isNumericType(type); }
    size_t size() const { return isNumeric() ? numbers.size() : codes.size(); }
    bool isMissing(size_t row) const
    {
        return isNumeric() ? std::isnan(numbers[row]) : codes[row] < 0;
    }
    // Appending keeps `numbers` and `integers` in step.
    void appendMissing();
    void appendNumber(double value);       // decimal, boolean (0/1)
    void appendInteger(int64_t value);     // integer
    // The value as written back (CSV, preview, answers); empty when missing.
    QString display(size_t row) const;
    // Rows `rows` of this column (dictionaries kept whole, so codes stay valid).
    DataColumn rows(const std::vector<size_t> &rows) const;
    DataColumn slice(size_t from, size_t to) const;
};

struct DataTable {
    std::vector<DataColumn> columns;
    size_t rowCount = 0;
    // The line of the source file each row started on, when the table was
    // read from a file (empty otherwise): what messages about a row name.
    std::vector<qint64> sourceLines;
    // Else, when every row was one line of its file: the first row's line.
    qint64 firstLine = 0;
    // A slice of a larger table: the row its first row was there.
    size_t rowOffset = 0;

    int indexOf(const QString &name) const;
    // "line 14" when the source line is known, else "row 13" (1-based, in
    // the whole table).
    QString where(size_t row) const;
    DataTable rows(const std::vector<size_t> &rows) const;
    DataTable slice(size_t from, size_t to) const;
};

// A value as a message shows it: at most 60 characters (whole ones), line
// breaks as \n.
QString shownValue(const QString &value);

// A decimal as the shortest text that reads back as the same double
// ("0.1", "1e+300"); empty for NaN.
QString formatDecimal(double value);
// Formats a numeric value of a column type for display and export (an
// integer held only as a double: exact up to 2^53).
QString formatNumber(double value, ColumnType type, const BooleanSpelling &spelling = {});

// The column's format as the workspace stores it beside its type: how its
// chunks are encoded and a boolean's spellings ({} for the defaults).
QJsonObject columnFormat(const DataColumn &column);
void applyColumnFormat(DataColumn &column, const QJsonObject &format);

} // namespace stratus
