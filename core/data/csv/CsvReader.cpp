#include "data/csv/CsvReader.h"

#include "data/ColumnBuilder.h"
#include "data/csv/CsvSniffer.h"
#include "data/csv/CsvTokenizer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <deque>

namespace stratus {

namespace {

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::CsvReader)
};

constexpr qint64 kSniffBytes = 64 * 1024;
constexpr qint64 kCheckEvery = 4096; // rows between progress reports and cancel checks

class Reader {
public:
    Reader(const QString &path, const CsvReadOptions &options, const TaskControl &control)
        : m_fileName(QFileInfo(path).fileName()), m_path(path), m_options(options), m_control(control)
    {
    }

    Result<CsvReadResult> run();
    Result<CsvReadResult> runOn(const char *data, qint64 size);
    void setName(const QString &name) { m_fileName = name; }

private:
    Error fail(const QString &message) const { return Error{QStringLiteral("%1: %2").arg(m_fileName, message)}; }
    QString where(qint64 line, int field) const;
    Status readHeader(CsvTokenizer &tok);
    Status readRows(CsvTokenizer &tok);
    std::string_view keep(std::string_view field, const CsvTokenizer &tok);
    std::vector<std::string_view> rawColumn(int column, size_t rows);

    QString m_fileName;
    QString m_path;
    const CsvReadOptions &m_options;
    const TaskControl &m_control;
    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    CsvReadResult m_result;
    QStringList m_names;
    std::vector<std::optional<ColumnBuilder>> m_builders; // empty: ignored
    std::vector<qint64> m_rowStarts;
    std::vector<qint64> m_rowLines;
    std::deque<std::string> m_kept; // unescaped quoted fields, kept for the whole read
};

QString Reader::where(qint64 line, int field) const
{
    if (field >= 0 && field < m_names.size())
        return Tr::tr("line %1, column %2 ('%3')").arg(line).arg(field + 1).arg(m_names[field]);
    return Tr::tr("line %1, column %2").arg(line).arg(field + 1);
}

std::string_view Reader::keep(std::string_view field, const CsvTokenizer &tok)
{
    if (tok.isInBuffer(field))
        return field;
    return m_kept.emplace_back(field);
}

Result<CsvReadResult> Reader::run()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Tr::tr("cannot open the file: %1").arg(file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return fail(Tr::tr("the file is empty"));
    QByteArray copy;
    const char *data = reinterpret_cast<const char *>(file.map(0, size));
    if (!data) {
        copy = file.readAll();
        data = copy.constData();
    }
    return runOn(data, size);
}

Result<CsvReadResult> Reader::runOn(const char *data, qint64 size)
{
    m_result.sourceName = m_fileName;
    m_result.fileBytes = size;
    if (size == 0)
        return fail(Tr::tr("the file is empty"));
    auto sniffed = sniffDialect(QByteArray::fromRawData(data, int(qMin(size, kSniffBytes))), size <= kSniffBytes);
    if (!sniffed)
        return fail(sniffed.message());
    CsvDialect &d = m_result.dialect;
    d = *sniffed;
    if (m_options.delimiter)
        d.delimiter = *m_options.delimiter;
    if (m_options.hasHeader)
        d.hasHeader = *m_options.hasHeader;
    if (m_options.decimalComma)
        d.decimalComma = *m_options.decimalComma;
    if (d.decimalComma && d.delimiter == ',')
        return fail(Tr::tr("a decimal comma needs a delimiter other than a comma"));

    m_begin = data + bomLength(data, size);
    m_end = data + size;
    CsvTokenizer tok(m_begin, m_end, d.delimiter);
    if (Status s = readHeader(tok); !s)
        return s.error();
    if (Status s = readRows(tok); !s)
        return s.error();
    for (size_t c = 0; c < m_builders.size(); ++c) {
        if (m_builders[c]) {
            m_result.table.columns.push_back(m_builders[c]->finish(m_names[int(c)]));
            m_result.notes += m_builders[c]->notes();
        }
    }
    // Every row on one line: the lines are rows plus an offset (kept with the dataset).
    if (!m_rowLines.empty() && m_rowLines.back() - m_rowLines.front() == qint64(m_rowLines.size()) - 1)
        m_result.dialect.firstLine = m_rowLines.front();
    m_result.table.sourceLines = std::move(m_rowLines);
    m_result.allColumns = m_names;
    m_control.report(1.0);
    return std::move(m_result);
}

Status Reader::readHeader(CsvTokenizer &tok)
{
    std::vector<std::string_view> fields;
    const auto status = tok.next(fields);
    if (status == CsvTokenizer::Status::End)
        return fail(Tr::tr("the file is empty"));
    if (status == CsvTokenizer::Status::Error)
        return fail(QStringLiteral("%1: %2").arg(where(tok.error().line, tok.error().field), tok.error().message));
    const int count = int(fields.size());
    if (m_result.dialect.hasHeader) {
        for (int i = 0; i < count; ++i) {
            const QString name = QString::fromUtf8(fields[size_t(i)].data(), qsizetype(fields[size_t(i)].size()))
                                     .trimmed();
            if (name.isEmpty())
                return fail(Tr::tr("line %1, column %2: the column name is empty; every column needs a name")
                                .arg(tok.recordLine())
                                .arg(i + 1));
            const int previous = m_names.indexOf(name);
            if (previous >= 0)
                return fail(Tr::tr("line %1, column %2: the column name '%3' is used twice (columns %4 and %2)")
                                .arg(tok.recordLine())
                                .arg(i + 1)
                                .arg(name)
                                .arg(previous + 1));
            m_names << name;
        }
    } else {
        for (int i = 0; i < count; ++i)
            m_names << QStringLiteral("Column%1").arg(i + 1);
        tok.seek(0, 1);
    }
    for (auto it = m_options.columns.cbegin(); it != m_options.columns.cend(); ++it) {
        if (!m_names.contains(it.key()))
            return fail(Tr::tr("there is no column named '%1' (the columns are: %2)")
                            .arg(it.key(), m_names.join(QStringLiteral(", "))));
    }
    for (const QString &name : std::as_const(m_names)) {
        const ColumnChoice choice = m_options.columns.value(name);
        if (choice.ignored) {
            m_result.ignored << name;
            m_builders.emplace_back();
        } else {
            m_builders.emplace_back(ColumnBuilder(choice.type, m_result.dialect.decimalComma, m_options.onInvalid, choice.spelling));
        }
    }
    if (m_result.ignored.size() == m_names.size())
        return fail(Tr::tr("every column is ignored; keep at least one"));
    return {};
}

std::vector<std::string_view> Reader::rawColumn(int column, size_t rows)
{
    std::vector<std::string_view> values;
    values.reserve(rows);
    CsvTokenizer tok(m_begin, m_end, m_result.dialect.delimiter);
    std::vector<std::string_view> fields;
    for (size_t r = 0; r < rows; ++r) {
        tok.seek(m_rowStarts[r], 0);
        tok.next(fields); // read before without error
        values.push_back(keep(fields[size_t(column)], tok));
    }
    return values;
}

Status Reader::readRows(CsvTokenizer &tok)
{
    const int count = int(m_names.size());
    const qint64 size = m_end - m_begin;
    m_rowStarts.reserve(size_t(qMin<qint64>(size / qMax(2 * count, 1) + 16, 1 << 24)));
    std::vector<std::string_view> fields;
    size_t rows = 0;
    for (;;) {
        const qint64 start = tok.offset();
        const auto status = tok.next(fields);
        if (status == CsvTokenizer::Status::End)
            break;
        if (status == CsvTokenizer::Status::Error)
            return fail(QStringLiteral("%1: %2").arg(where(tok.error().line, tok.error().field), tok.error().message));
        if (int(fields.size()) != count)
            return fail(Tr::tr("line %1: expected %2 fields, as in the first line, but found %3")
                            .arg(tok.recordLine())
                            .arg(count)
                            .arg(fields.size()));
        if (m_options.maxRows >= 0 && qint64(rows) == m_options.maxRows) {
            m_result.truncated = true;
            break;
        }
        m_rowStarts.push_back(start);
        const qint64 line = tok.recordLine();
        m_rowLines.push_back(line);
        for (int c = 0; c < count; ++c) {
            auto &builder = m_builders[size_t(c)];
            if (!builder)
                continue;
            const std::string_view field = keep(fields[size_t(c)], tok);
            auto added = builder->add(field, line);
            if (added == ColumnBuilder::Add::NeedStrings) {
                builder->convertToStrings(rawColumn(c, rows), m_rowLines);
                added = builder->add(field, line);
            }
            if (added == ColumnBuilder::Add::Invalid) {
                const QString value = shownValue(QString::fromUtf8(field.data(), qsizetype(field.size())).trimmed());
                return fail(QStringLiteral("%1: '%2' %3").arg(where(tok.recordLine(), c), value, builder->reason()));
            }
        }
        ++rows;
        if (rows % kCheckEvery == 0) {
            if (m_control.canceled())
                return Error{Tr::tr("Canceled.")};
            m_control.report(double(tok.offset()) / double(qMax<qint64>(size, 1)));
        }
    }
    if (rows == 0) {
        return fail(m_result.dialect.hasHeader ? Tr::tr("the file has a header line but no data rows")
                                               : Tr::tr("the file has no data rows"));
    }
    m_result.table.rowCount = rows;
    return {};
}

} // namespace

Result<CsvReadResult> readCsv(const QString &path, const CsvReadOptions &options, const TaskControl &control)
{
    return Reader(path, options, control).run();
}

Result<CsvReadResult> readCsvData(const QByteArray &data, const QString &name, const CsvReadOptions &options)
{
    const TaskControl control;
    Reader reader(QString(), options, control);
    reader.setName(name);
    return reader.runOn(data.constData(), data.size());
}

} // namespace stratus
