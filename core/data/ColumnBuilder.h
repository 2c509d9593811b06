#pragma once
// ColumnBuilder: collects one column's cells while a file is read, keeping
// them as numbers as long as every value is one, and infers the column's
// type at the end. Used by readCsv.
//
// A cell that a numeric column cannot take (a word) makes add() answer
// NeedStrings: the caller then hands over every earlier raw cell of the
// column with convertToStrings() and adds the cell again. A cell that does
// not fit a type the user chose makes add() answer Invalid, with reason().

#include "data/DataTable.h"

#include <optional>
#include <string_view>
#include <vector>

namespace stratus {

class ColumnBuilder {
public:
    enum class Add { Ok, NeedStrings, Invalid };

    ColumnBuilder(std::optional<ColumnType> chosen, bool decimalComma);

    // requires: raw stays valid until finish() (it may be kept as a view).
    Add add(std::string_view raw);
    void convertToStrings(const std::vector<std::string_view> &previousRaw);
    QString reason() const { return m_reason; }

    DataColumn finish(const QString &name);

private:
    enum class Mode { Numeric, BoolWord, Strings };
    Add invalid(const char *why);
    void addString(std::string_view trimmed);
    ColumnType inferStringType(size_t distinct, size_t totalLength) const;

    std::optional<ColumnType> m_chosen;
    bool m_decimalComma;
    Mode m_mode;
    std::vector<double> m_numbers;
    std::vector<std::string_view> m_strings; // data() == nullptr: missing
    size_t m_nonMissing = 0;
    bool m_integral = true;
    bool m_zeroOne = true;
    bool m_dateTimes = true;
    QString m_reason;
};

} // namespace stratus
