#include "data/csv/CsvTokenizer.h"

#include <QCoreApplication>
#include <cstring>

namespace stratus {

namespace {

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::CsvTokenizer)
};

// Length of the valid UTF-8 sequence starting at p (0 if invalid).
int utf8Length(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    int n;
    unsigned min;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < n)
        return 0;
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

} // namespace

CsvTokenizer::CsvTokenizer(const char *begin, const char *end, char delimiter)
    : m_begin(begin), m_end(end), m_p(begin), m_delimiter(delimiter)
{
    std::memset(m_special, 0, sizeof m_special);
    m_special[static_cast<unsigned char>(delimiter)] = true;
    m_special[static_cast<unsigned char>('\n')] = true;
    m_special[static_cast<unsigned char>('\r')] = true;
    m_special[0] = true;
    for (int c = 0x80; c < 256; ++c)
        m_special[c] = true;
}

void CsvTokenizer::seek(qint64 offset, qint64 line)
{
    m_p = m_begin + offset;
    m_line = line;
}

CsvTokenizer::Status CsvTokenizer::fail(int field, QString message, qint64 line)
{
    m_error.line = line < 0 ? m_line : line;
    m_error.field = field;
    m_error.message = std::move(message);
    return Status::Error;
}

// Checks a span for NUL bytes and invalid UTF-8; counts its newlines.
bool CsvTokenizer::checkText(const char *from, const char *to, int field)
{
    const auto *p = reinterpret_cast<const unsigned char *>(from);
    const auto *end = reinterpret_cast<const unsigned char *>(to);
    while (p < end) {
        const unsigned char c = *p;
        if (c == '\n') {
            ++m_line;
        } else if (c == 0) {
            fail(field, Tr::tr("contains a NUL byte; this looks like a binary file, not text"));
            return false;
        } else if (c >= 0x80) {
            const int n = utf8Length(p, end);
            if (n == 0) {
                fail(field, Tr::tr("contains bytes that are not valid UTF-8 (byte 0x%1); save the file as UTF-8")
                                .arg(c, 2, 16, QLatin1Char('0')));
                return false;
            }
            p += n;
            continue;
        }
        ++p;
    }
    return true;
}

CsvTokenizer::Status CsvTokenizer::next(std::vector<std::string_view> &fields)
{
    fields.clear();
    m_unescapedUsed = 0;
    // Skip blank lines.
    while (m_p < m_end && (*m_p == '\n' || *m_p == '\r')) {
        if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n')
            ++m_p;
        ++m_p;
        ++m_line;
    }
    if (m_p >= m_end)
        return Status::End;
    m_recordLine = m_line;

    for (;;) {
        const int field = int(fields.size());
        if (m_p < m_end && *m_p == '"') {
            const qint64 openLine = m_line;
            const char *start = ++m_p;
            std::string *unescaped = nullptr;
            const char *segment = start;
            for (;;) {
                const char *q = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
                if (!q)
                    return fail(field, Tr::tr("has a quote that is never closed"), openLine);
                if (q + 1 < m_end && q[1] == '"') {
                    if (!unescaped) {
                        if (m_unescapedUsed == m_unescaped.size())
                            m_unescaped.emplace_back();
                        unescaped = &m_unescaped[m_unescapedUsed++];
                        unescaped->clear();
                    }
                    unescaped->append(segment, size_t(q + 1 - segment));
                    m_p = q + 2;
                    segment = m_p;
                    continue;
                }
                if (!checkText(start, q, field))
                    return Status::Error;
                if (unescaped) {
                    unescaped->append(segment, size_t(q - segment));
                    fields.emplace_back(*unescaped);
                } else {
                    fields.emplace_back(start, size_t(q - start));
                }
                m_p = q + 1;
                break;
            }
            if (m_p < m_end && *m_p != m_delimiter && *m_p != '\n' && *m_p != '\r') {
                return fail(field, Tr::tr("has text after its closing quote (a quote inside a quoted field must be "
                                      "doubled: \"\")"));
            }
        } else {
            const char *start = m_p;
            bool plain = true;
            while (m_p < m_end && !m_special[static_cast<unsigned char>(*m_p)])
                ++m_p;
            while (m_p < m_end && *m_p != m_delimiter && *m_p != '\n' && *m_p != '\r') {
                // A NUL or non-ASCII byte: check it, then go on scanning.
                plain = false;
                ++m_p;
                while (m_p < m_end && !m_special[static_cast<unsigned char>(*m_p)])
                    ++m_p;
            }
            if (!plain && !checkText(start, m_p, field))
                return Status::Error;
            fields.emplace_back(start, size_t(m_p - start));
        }
        if (m_p >= m_end)
            return Status::Record;
        const char c = *m_p++;
        if (c == m_delimiter) {
            if (m_p >= m_end) {
                fields.emplace_back(m_p, 0);
                return Status::Record;
            }
            continue;
        }
        if (c == '\r' && m_p < m_end && *m_p == '\n')
            ++m_p;
        ++m_line;
        return Status::Record;
    }
}

} // namespace stratus
