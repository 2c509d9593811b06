#pragma once
// CsvTokenizer: splits a UTF-8 buffer into records and fields following
// RFC 4180 — fields may be quoted with '"', quoted fields may hold the
// delimiter, newlines and doubled quotes. Accepts LF, CRLF and CR line ends
// and skips blank lines. Validates UTF-8 and rejects NUL bytes as it goes, so
// a problem is reported with its line and field.
//
// The views it returns point into the buffer, or, for a quoted field with
// doubled quotes, into storage of the tokenizer that the next call reuses
// (see isInBuffer).

#include <QString>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace stratus {

struct CsvSyntaxError {
    qint64 line = 0;  // 1-based physical line
    int field = 0;    // 0-based field index within the record
    QString message;  // without the location
};

class CsvTokenizer {
public:
    enum class Status { Record, End, Error };

    // requires: [begin, end) stays valid while the tokenizer is used.
    CsvTokenizer(const char *begin, const char *end, char delimiter);

    // Reads the next non-blank record into fields.
    Status next(std::vector<std::string_view> &fields);

    // The line on which the last record returned by next() started (1-based).
    qint64 recordLine() const { return m_recordLine; }
    // The byte offset from begin of the next record to read.
    qint64 offset() const { return m_p - m_begin; }
    // Continues reading at a byte offset (a record start) and line number.
    void seek(qint64 offset, qint64 line);
    const CsvSyntaxError &error() const { return m_error; }
    bool isInBuffer(std::string_view field) const
    {
        return field.data() >= m_begin && field.data() <= m_end;
    }

private:
    Status fail(int field, QString message, qint64 line = -1);
    bool checkText(const char *from, const char *to, int field);

    const char *m_begin;
    const char *m_end;
    const char *m_p;
    char m_delimiter;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    CsvSyntaxError m_error;
    std::deque<std::string> m_unescaped;
    size_t m_unescapedUsed = 0;
    bool m_special[256];
};

} // namespace stratus
