#pragma once
// Featurizer: turns a table's columns into the numeric matrix learners take,
// with Azure AutoML's "auto" featurization. It is fitted on the training rows
// only (inside each fold), so nothing of the validation rows leaks into the
// features; the fitted steps are then applied to any rows.
//
// Per column: constant, all-missing and ID-like columns are dropped;
// numeric columns get the training median for a missing value (plus a
// missing-indicator feature when the training rows had any) and are
// standardised; integer columns with 3-10 distinct values are one-hot
// encoded as categories; booleans become 0/1; categorical columns with at
// most 30 distinct training values are one-hot encoded (a value not seen in
// training sets none), others are frequency-encoded; text columns are
// frequency-encoded with their length; date/times become year, month, day,
// weekday, hour and day of year. With featurization "off" numeric and
// boolean columns pass through (missing: the training median) and the others
// are dropped. "Portable" is "auto" with only what an ONNX export can compute:
// text columns are frequency-encoded without their length, and date/time
// columns are dropped.

#include "common/Result.h"
#include "data/DataTable.h"
#include "data/InputSchema.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace stratus::ml {

struct FeatureMatrix {
    size_t rows = 0;
    size_t cols = 0;
    std::vector<float> values; // row-major
    float at(size_t row, size_t col) const { return values[row * cols + col]; }
};

// What featurization did, as Azure's featurization summary shows it.
struct ColumnSummary {
    QString column;
    QString type;          // the column's type
    QString action;        // "numeric", "one-hot", "frequency", "datetime parts", "dropped: constant", ...
    QStringList features;  // the features made from it
};

class Featurizer {
public:
    enum class Mode { Auto, Off, Portable };

    // requires: label is a column index of table (or -1); trainRows index table rows.
    void fit(const DataTable &table, int label, const std::vector<size_t> &trainRows, Mode mode = Mode::Auto);
    FeatureMatrix transform(const DataTable &table, const std::vector<size_t> &rows) const;

    const QStringList &featureNames() const { return m_names; }
    const std::vector<ColumnSummary> &summary() const { return m_summary; }
    // Whether any training value was missing and imputed; which columns were
    // frequency-encoded for high cardinality (for the data guardrails).
    bool imputedAny() const { return m_imputed; }
    QStringList highCardinalityColumns() const;

    // The columns the fitted steps read, by name, with the types they had.
    QList<QPair<QString, ColumnType>> inputColumns() const;
    // The same, with a boolean's spellings (what rows to score must give).
    QList<ColumnSpec> inputSpecs() const;
    // Every column fitting looked at, read or dropped (the summary's).
    QStringList consideredColumns() const;
    // A typical value of each input column, from the training rows (the
    // median, the first category, ...): a sample row for documentation.
    QJsonObject sampleRow() const;
    // This featurizer for another table holding the same columns (in any
    // order, among others): columns are found by name; a missing one or one
    // of another kind (numeric or not) is an error naming it.
    Result<Featurizer> boundTo(const DataTable &table) const;

    QJsonObject toJson() const;
    static Featurizer fromJson(const QJsonObject &json);

private:
    enum class Kind { Numeric, OneHotNumber, OneHotCode, Frequency, Text, DateTime };
    struct Step {
        int column = 0;
        QString name;
        ColumnType type = ColumnType::Decimal;
        BooleanSpelling spelling;                // a boolean's spellings
        Kind kind = Kind::Numeric;
        double fill = 0, mean = 0, scale = 1;   // Numeric
        bool indicator = false;                  // Numeric: add a missing indicator
        std::vector<double> numbers;            // OneHotNumber: the values
        std::vector<std::string> categories;    // OneHotCode / Frequency / Text: values (by name)
        std::vector<double> frequencies;        // Frequency / Text: training share of each category
        std::vector<double> partFill;           // DateTime: the median of each part
    };
    void fitColumn(const DataTable &table, int column, const std::vector<size_t> &rows, Mode mode);
    size_t width(const Step &step) const;

    std::vector<Step> m_steps;
    QStringList m_names;
    std::vector<ColumnSummary> m_summary;
    bool m_imputed = false;
};

} // namespace stratus::ml
