#pragma once
// InputSchema: the columns rows to score must have, and the one set of rules
// every scoring path applies to them — `predict --input` and `--package`,
// `score`, the endpoints' /score (v1, v2) and every /invocations dialect
// (records, split, instances, inputs, text/csv), and the studio's Test tab.
//
// Columns (README "What the endpoints accept"):
// - each column the model reads must be given (an error names the first
//   missing one); a null, an empty value or a missing-value token is a
//   missing value;
// - a column the training data had that the model does not read (the label,
//   an ID AutoML dropped, an ignored column) is accepted and not used;
// - any other column is refused, naming it and the closest known name
//   ("unknown column 'wieght' (did you mean 'weight'?)").
// Values: read by ColumnBuilder with the column's trained type (CellParser's
// rules: numbers, exact 64-bit integers, boolean words, 0/1 and the column's
// own spellings, ISO 8601 date/times); a value that does not fit is refused,
// naming the row and column. An integer column also takes a decimal number
// (the model computes in doubles).

#include "common/Result.h"
#include "data/ColumnBuilder.h"
#include "data/DataTable.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <deque>
#include <memory>
#include <optional>

namespace stratus {

struct ColumnSpec {
    QString name;
    ColumnType type = ColumnType::Decimal;
    BooleanSpelling spelling; // boolean
};

struct InputSchema {
    QList<ColumnSpec> columns; // what the model reads, in order
    QStringList unused;        // known to the training data, accepted, not read

    int indexOf(const QString &name) const;
    bool isUnused(const QString &name) const { return unused.contains(name); }
    // The model's columns in `given` order: for each given name its column
    // index, or -1 for an unused one. An unknown or repeated name, or a
    // model column not given, is an error naming it (no field prefix).
    Result<QList<int>> bind(const QStringList &given) const;
    QString unknownColumn(const QString &name) const; // the message for an unknown column
    // The message for a missing column; `given`: the names that were given,
    // one of which may be its misspelling.
    QString missingColumn(const QString &name, const QStringList &given = {}) const;

    QJsonObject toJson() const;
    static InputSchema fromJson(const QJsonObject &json);

    // The rules above in a paragraph, for documents (the OpenAPI document).
    static QString rules();
    // How a value of `spec`'s column may be written, in a sentence.
    static QString accepted(const ColumnSpec &spec);
};

// A JSON value as the text the value rules read: a string as it is, a number
// as written (exact for a 64-bit integer, else the shortest text of the
// double), true/false; null (or absent): missing. An array or object is not a
// value: nullopt with `problem` set.
std::optional<QByteArray> jsonCell(const QJsonValue &value, QString &problem);

// Rows of text cells into a table of the schema's columns and types.
class InputTableBuilder {
public:
    explicit InputTableBuilder(const InputSchema &schema);

    // One cell of the current row for schema column `column`; false with
    // `problem` set when it does not fit. `missing`: a null value.
    bool add(int column, std::string_view text, QString &problem);
    bool addMissing(int column, QString &problem);
    void endRow() { ++m_rows; }
    size_t rows() const { return m_rows; }
    DataTable finish();

private:
    const InputSchema &m_schema;
    std::vector<ColumnBuilder> m_builders;
    std::deque<std::string> m_store; // the texts, kept until finish (the builders hold views)
    size_t m_rows = 0;
};

// `table` (a registered dataset's rows) as the schema's columns and types:
// a column of the same type is taken as it is, another is read value by
// value with the schema's rules (an error names the line or row, and the column).
Result<DataTable> conformTable(const DataTable &table, const InputSchema &schema);

} // namespace stratus
