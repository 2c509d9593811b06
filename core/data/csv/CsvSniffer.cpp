#include "data/csv/CsvSniffer.h"

#include "data/CellParser.h"
#include "data/csv/CsvTokenizer.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>

namespace stratus {

namespace {

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::CsvSniffer)
};

constexpr int kMaxRecords = 200;

struct Candidate {
    char delimiter;
    std::vector<std::vector<std::string>> records;
    int mode = 0;
    double consistency = 0;
};

Candidate tokenize(const char *begin, const char *end, char delimiter, bool complete)
{
    Candidate c{delimiter, {}, 0, 0};
    CsvTokenizer tok(begin, end, delimiter);
    std::vector<std::string_view> fields;
    while (int(c.records.size()) < kMaxRecords) {
        const auto status = tok.next(fields);
        if (status != CsvTokenizer::Status::Record)
            break;
        if (!complete && tok.offset() >= end - begin)
            break; // the last record may be cut short
        std::vector<std::string> record;
        for (auto f : fields)
            record.emplace_back(f);
        c.records.push_back(std::move(record));
    }
    std::map<int, int> counts;
    for (const auto &r : c.records)
        ++counts[int(r.size())];
    int best = 0;
    for (const auto &[fields, n] : counts) {
        if (n > best || (n == best && fields > c.mode)) {
            best = n;
            c.mode = fields;
        }
    }
    c.consistency = c.records.empty() ? 0 : double(best) / double(c.records.size());
    return c;
}

bool looksLikeHeader(const std::vector<std::string> &first)
{
    for (const auto &field : first) {
        const auto t = cells::trim(field);
        if (!cells::isMissing(t) && (cells::parseNumber(t, false) || cells::parseNumber(t, true)))
            return false;
    }
    return true;
}

bool usesDecimalComma(const Candidate &c, bool header)
{
    int comma = 0;
    int dot = 0;
    for (size_t r = header ? 1 : 0; r < c.records.size(); ++r) {
        for (const auto &field : c.records[r]) {
            const auto t = cells::trim(field);
            // Only a value that writes the separator as the reading expects it counts.
            const auto asComma = cells::parseNumber(t, true);
            const auto asDot = cells::parseNumber(t, false);
            if (t.find(',') != std::string_view::npos && asComma && !asComma->otherSeparator)
                ++comma;
            else if (t.find('.') != std::string_view::npos && asDot && !asDot->otherSeparator)
                ++dot;
        }
    }
    return comma > dot; // the majority; the other separator is then read and noted (CellParser)
}

} // namespace

int bomLength(const char *data, qint64 size)
{
    return size >= 3 && uchar(data[0]) == 0xEF && uchar(data[1]) == 0xBB && uchar(data[2]) == 0xBF ? 3 : 0;
}

Result<CsvDialect> sniffDialect(const QByteArray &sample, bool complete)
{
    CsvDialect dialect;
    const int bom = bomLength(sample.constData(), sample.size());
    dialect.hasBom = bom > 0;
    if (sample.size() >= 2
        && ((uchar(sample[0]) == 0xFF && uchar(sample[1]) == 0xFE)
            || (uchar(sample[0]) == 0xFE && uchar(sample[1]) == 0xFF)))
        return Error{Tr::tr("the file is encoded as UTF-16; save it as UTF-8 and import it again")};
    const char *begin = sample.constData() + bom;
    const char *end = sample.constData() + sample.size();
    bool blank = true;
    for (const char *p = begin; p < end; ++p) {
        if (*p == 0) {
            const qint64 line = std::count(begin, p, '\n') + 1;
            return Error{Tr::tr("line %1: the file contains NUL bytes; it looks like a binary file, not delimited "
                            "text")
                             .arg(line)};
        }
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            blank = false;
    }
    if (blank)
        return Error{Tr::tr("the file is empty")};

    Candidate best{',', {}, 0, 0};
    double bestScore = -1;
    for (char delimiter : {',', '\t', ';', '|'}) {
        Candidate c = tokenize(begin, end, delimiter, complete);
        const double score = c.mode <= 1 ? 0 : c.consistency * 1000 + c.mode;
        if (score > bestScore) {
            bestScore = score;
            best = std::move(c);
        }
    }
    if (bestScore <= 0)
        best = tokenize(begin, end, ',', complete);
    dialect.delimiter = best.delimiter;
    dialect.hasHeader = best.records.size() <= 1 || looksLikeHeader(best.records.front());
    dialect.decimalComma = dialect.delimiter != ',' && usesDecimalComma(best, dialect.hasHeader);
    return dialect;
}

} // namespace stratus
