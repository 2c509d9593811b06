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

    QJsonObject toJson() const;
    static CsvDialect fromJson(const QJsonObject &json);
    // "comma", "tab", "semicolon", "pipe" or the character itself.
    static QString delimiterName(char delimiter);
};

} // namespace stratus
