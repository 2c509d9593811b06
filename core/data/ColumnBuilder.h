#pragma once
// ColumnBuilder: reads one column's cells into a typed DataColumn with the
// value rules of CellParser — the one place that decides what a cell means,
// for a file being imported (the type inferred, or chosen by the user) and
// for rows to score (the type the model was trained with).
//
// Inferred types: a column stays numeric while every value is a number;
// integer when every one is a canonical 64-bit whole number, boolean when
// every one is 0/1 or when it writes true and false one way each with
// boolean words (yes/no, Y/N, true/false, ...: the spellings are kept).
// Otherwise it is text: datetime when every value is an ISO 8601 date/time,
// categorical when values repeat, text when they do not. A value that a
// numeric column cannot take makes add() answer NeedStrings: the caller then
// hands over every earlier raw cell of the column with convertToStrings()
// and adds the cell again.
//
// Chosen types: a value that does not fit makes add() answer Invalid, with
// reason() (OnInvalid::Fail: scoring), or becomes a missing value counted in
// a note (OnInvalid::Missing: an import where the user chose the type).
//
// notes() says what the reading did to values that did not fit (ColumnNote).

#include "data/ColumnNote.h"
#include "data/DataTable.h"

#include <QList>
#include <optional>
#include <string_view>
#include <vector>

namespace stratus {

class ColumnBuilder {
public:
    enum class Add { Ok, NeedStrings, Invalid };
    enum class OnInvalid { Fail, Missing };

    // `spelling`: a chosen boolean column's own spellings, accepted besides
    // the boolean words and 0/1 (the model's, when scoring).
    ColumnBuilder(std::optional<ColumnType> chosen, bool decimalComma, OnInvalid onInvalid = OnInvalid::Fail,
                  const BooleanSpelling &spelling = {});

    // requires: raw stays valid until finish() (it may be kept as a view).
    // `line`: where the value is, for the notes' examples.
    Add add(std::string_view raw, qint64 line = 0);
    // `lines`: where each earlier value is (for the notes).
    void convertToStrings(const std::vector<std::string_view> &previousRaw, const std::vector<qint64> &lines = {});
    QString reason() const { return m_reason; }

    DataColumn finish(const QString &name);
    // What became of values that did not fit (after finish()).
    const QList<ColumnNote> &notes() const { return m_notes; }

private:
    enum class Mode { Numeric, BoolWord, Strings };
    struct Tally {
        qint64 count = 0;
        QList<QPair<qint64, QString>> examples;
        void add(qint64 line, std::string_view value);
    };
    Add invalid(const char *why, std::string_view t, qint64 line);
    void pushNumber(double value, int64_t exact);
    void stopTrackingIntegers();
    Add addChosenNumeric(std::string_view t, qint64 line);
    Add addInferredNumeric(std::string_view t, qint64 line);
    void addString(std::string_view trimmed, qint64 line);
    void note(ColumnNote::Kind kind, ColumnType type, const Tally &tally, qint64 total);
    ColumnType inferStringType(size_t distinct, size_t totalLength) const;

    std::optional<ColumnType> m_chosen;
    bool m_decimalComma;
    OnInvalid m_onInvalid;
    Mode m_mode;
    std::vector<double> m_numbers;
    std::vector<int64_t> m_integers; // while the column may be integer
    std::vector<std::string_view> m_strings; // data() == nullptr: missing
    size_t m_nonMissing = 0;
    bool m_integral = true;   // every number is an exact integer
    bool m_zeroOne = true;    // every number is 0 or 1
    bool m_zeroOneSpelled = true; // and each of 0 and 1 is written one way
    bool m_dateTimes = true;
    // The first spelling of false and true (words, or 0/1 as written).
    std::string m_falseWord, m_trueWord;
    BooleanSpelling m_spelling;
    bool m_trackIntegers;
    QString m_reason;
    // Tallies for the notes.
    qint64 m_numbersAmongStrings = 0; // values of a text column that are numbers
    qint64 m_datesAmongStrings = 0;
    Tally m_notNumbers, m_notDates, m_otherSeparator, m_invalid, m_respelled, m_leadingZeros, m_tooLarge;
    QList<ColumnNote> m_notes;
};

} // namespace stratus
