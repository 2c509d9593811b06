#pragma once
// How a delimited text file is written: what the sniffer detects and the
// user may override before importing.

#include <QJsonObject>

namespace stratus {

struct CsvDialect {
    char delimiter = ',';
    bool hasHeader = true;
    bool decimalComma = false; // "1,83" means 1.83 (only with a delimiter other than ',')
    bool hasBom = false;       // detected; the BOM is skipped either way
    // The line the first data row is on, when every row is one line (a
    // quoted line break makes it 0: unknown): row r is on line firstLine + r,
    // which messages about a registered dataset's rows name.
    qint64 firstLine = 0;

    QJsonObject toJson() const;
    static CsvDialect fromJson(const QJsonObject &json);
    // "comma", "tab", "semicolon", "pipe" or the character itself.
    static QString delimiterName(char delimiter);
};

} // namespace stratus
