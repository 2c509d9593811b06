#pragma once
// ColumnNote: what reading a column did to values that did not fit the
// type it was given, so that nothing changes without a word (the import
// report). Each note names how many values, and the first few with their
// line: the CLI prints it, `--json` lists it, the studio's schema page shows
// it on the column with the choice it implies.

#include "data/ColumnType.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace stratus {

struct ColumnNote {
    enum class Kind {
        // Most values fit `type`, some do not: the column was kept as text
        // (every value as written); choosing `type` reads those as missing.
        MostlyType,
        // The type was chosen and these values do not fit it: read as missing.
        NotOfChosenType,
        // Numbers written with the other decimal separator ("2,7" among
        // "1.9"): read as the numbers they are.
        OtherDecimalSeparator,
        // Whole numbers beyond 64 bits: the column is text (an ID).
        IntegerTooLarge,
        // Whole numbers written with leading zeros ("007"): the column is
        // text, so that they keep them (codes, not quantities).
        LeadingZeros,
        // A chosen boolean column writes a value in more than one way: each
        // value is written back in its first spelling.
        Respelled,
    };
    static constexpr int kMaxExamples = 5;

    QString column;
    Kind kind = Kind::MostlyType;
    ColumnType type = ColumnType::Decimal; // the type the values fit or did not fit
    qint64 count = 0;                      // values concerned
    qint64 total = 0;                      // values present in the column
    QList<QPair<qint64, QString>> examples; // (line, the value as written), the first few

    // One sentence, translated: "column 'spend': 3 of 200 values are not
    // decimal numbers ('<0.5' on line 14, ...); kept as text. Choose decimal
    // to read them as missing."
    QString message() const;
    QString kindName() const; // stable: "mostly_type", "not_of_chosen_type", ...
    QJsonObject toJson() const;
    static ColumnNote fromJson(const QJsonObject &json);
};

} // namespace stratus
