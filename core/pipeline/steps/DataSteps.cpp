// The data steps: import (a file, or a folder's newest file, into a new
// dataset version) and transform (columns, rows, a split into two datasets).
// A transform filters rows on the input's columns first, then selects, drops
// and renames columns, then drops rows with a missing value in the columns
// kept, then splits (split_time_column names a column after renaming).
#include "pipeline/steps/Steps.h"

#include "data/import/DatasetImport.h"
#include "data/store/DatasetStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <numeric>
#include <random>

namespace stratus::pipeline::steps {

namespace {

std::optional<char> delimiterOf(const QString &name)
{
    if (name == QLatin1String("comma"))
        return ',';
    if (name == QLatin1String("tab"))
        return '\t';
    if (name == QLatin1String("semicolon"))
        return ';';
    if (name == QLatin1String("pipe"))
        return '|';
    if (name.size() == 1 && name[0].unicode() < 128)
        return char(name[0].unicode());
    return std::nullopt;
}

// The file an import reads: the path, or the newest file of the folder matching the pattern.
Result<QString> importFile(const StepContext &c)
{
    const QString path = c.text(QStringLiteral("path"));
    const QFileInfo info(QDir(c.baseFolder).filePath(path)); // relative to the pipeline file's folder
    if (!info.exists())
        return Error{QStringLiteral("path: '%1' does not exist%2")
                         .arg(path, QFileInfo(path).isRelative() ? QStringLiteral(" (looked for %1)").arg(info.absoluteFilePath()) : QString())};
    if (info.isFile())
        return info.absoluteFilePath();
    const QString pattern = c.text(QStringLiteral("pattern"), QStringLiteral("*.csv"));
    const QFileInfoList files = QDir(info.absoluteFilePath()).entryInfoList({pattern}, QDir::Files | QDir::Readable, QDir::Time);
    if (files.isEmpty())
        return Error{QStringLiteral("path: the folder '%1' has no file matching %2").arg(info.absoluteFilePath(), pattern)};
    return files.first().absoluteFilePath();
}

QStringList listSetting(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts).replaceInStrings(QRegularExpression(QStringLiteral("^\\s+|\\s+$")), QString());
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

// Rows where `COLUMN OP VALUE` holds; a missing value never does.
Result<std::vector<size_t>> filterRows(const DataTable &t, const QString &condition)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(.+?)\s*(==|!=|<=|>=|<|>)\s*(.*?)\s*$)"));
    const auto m = re.match(condition);
    if (!m.hasMatch())
        return Error{QStringLiteral("filter: '%1' is not COLUMN OP VALUE (OP one of == != < <= > >=)").arg(condition)};
    const int c = t.indexOf(m.captured(1));
    if (c < 0)
        return Error{QStringLiteral("filter: the dataset has no column '%1'").arg(m.captured(1))};
    const QString op = m.captured(2);
    QString value = m.captured(3);
    if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) && value.endsWith(value[0]))
        value = value.mid(1, value.size() - 2);
    const DataColumn &col = t.columns[size_t(c)];
    bool numeric = false;
    double number = value.toDouble(&numeric);
    if (col.type == ColumnType::Boolean && !numeric) {
        numeric = value == col.spelling.trueText || value == col.spelling.falseText;
        number = value == col.spelling.trueText ? 1 : 0;
    }
    if (col.isNumeric() && !numeric)
        return Error{QStringLiteral("filter: '%1' is a number column; '%2' is not a number").arg(col.name, value)};
    std::vector<size_t> keep;
    for (size_t r = 0; r < t.rowCount; ++r) {
        if (col.isMissing(r))
            continue;
        int order = 0;
        if (col.isNumeric()) {
            const double v = col.numbers[r];
            order = v < number ? -1 : v > number ? 1 : 0;
        } else {
            order = QString::compare(col.display(r), value);
            order = order < 0 ? -1 : order > 0 ? 1 : 0;
        }
        const bool pass = op == QLatin1String("==") ? order == 0 : op == QLatin1String("!=") ? order != 0 : op == QLatin1String("<") ? order < 0
                        : op == QLatin1String("<=") ? order <= 0 : op == QLatin1String(">") ? order > 0 : order >= 0;
        if (pass)
            keep.push_back(r);
    }
    return keep;
}

} // namespace

Result<QString> importFingerprint(const StepContext &c)
{
    auto file = importFile(c);
    if (!file)
        return file.error();
    QFile f(*file);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(*file, f.errorString())};
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    if (!hash.addData(&f))
        return Error{QStringLiteral("%1: cannot be read").arg(*file)};
    return QString::fromLatin1(hash.result().toHex());
}

Result<StepResult> importStep(StepContext &c)
{
    auto file = importFile(c);
    if (!file)
        return file.error();
    CsvReadOptions options;
    options.onInvalid = ColumnBuilder::OnInvalid::Missing;
    if (c.settings.contains(QStringLiteral("delimiter"))) {
        options.delimiter = delimiterOf(c.text(QStringLiteral("delimiter")));
        if (!options.delimiter)
            return Error{QStringLiteral("delimiter: comma, tab, semicolon, pipe or one character, not '%1'").arg(c.text(QStringLiteral("delimiter")))};
    }
    RegisterRequest request;
    request.name = c.text(QStringLiteral("dataset"));
    request.description = c.text(QStringLiteral("description"), QStringLiteral("imported by pipeline run %1 from %2").arg(c.pipelineRunId, *file));
    request.tags = lineageTags(c);
    auto registered = importDataset(c.workspace, *file, options, request);
    if (!registered)
        return Error{registered.message()};
    StepResult r;
    r.outputs.insert(QStringLiteral("dataset"), datasetValue(registered->version));
    r.summary = QStringLiteral("%1 (%2 rows) from %3").arg(registered->version.reference()).arg(registered->version.rows).arg(*file);
    return r;
}

Result<StepResult> transformStep(StepContext &c)
{
    auto table = loadDataset(c, c.inputs.value(QStringLiteral("dataset")).value);
    if (!table)
        return table.error();
    DataTable t = std::move(*table);
    std::vector<size_t> rows(t.rowCount);
    std::iota(rows.begin(), rows.end(), size_t(0));
    if (c.settings.contains(QStringLiteral("filter"))) {
        auto kept = filterRows(t, c.text(QStringLiteral("filter")));
        if (!kept)
            return kept.error();
        rows = *kept;
    }
    const QStringList select = listSetting(c.settings.value(QStringLiteral("select")));
    const QStringList drop = listSetting(c.settings.value(QStringLiteral("drop")));
    for (const QString &name : select + drop)
        if (t.indexOf(name) < 0)
            return Error{QStringLiteral("%1: the dataset has no column '%2'").arg(select.contains(name) ? QStringLiteral("select") : QStringLiteral("drop"), name)};
    if (!select.isEmpty() || !drop.isEmpty()) {
        std::vector<DataColumn> kept;
        const QStringList order = select.isEmpty() ? [&] {
            QStringList all;
            for (const DataColumn &col : t.columns)
                all << col.name;
            return all;
        }()
                                                   : select;
        for (const QString &name : order)
            if (!drop.contains(name))
                kept.push_back(t.columns[size_t(t.indexOf(name))]);
        t.columns = std::move(kept);
    }
    const QJsonObject rename = c.settings.value(QStringLiteral("rename")).toObject();
    for (auto it = rename.begin(); it != rename.end(); ++it) {
        const int i = t.indexOf(it.key());
        if (i < 0)
            return Error{QStringLiteral("rename: the dataset has no column '%1'").arg(it.key())};
        if (t.indexOf(it.value().toString()) >= 0)
            return Error{QStringLiteral("rename: the dataset already has a column '%1'").arg(it.value().toString())};
        t.columns[size_t(i)].name = it.value().toString();
    }
    if (c.settings.value(QStringLiteral("drop_missing")).toBool()) {
        std::vector<size_t> complete;
        for (size_t r : rows)
            if (std::none_of(t.columns.begin(), t.columns.end(), [r](const DataColumn &col) { return col.isMissing(r); }))
                complete.push_back(r);
        rows = std::move(complete);
    }
    std::vector<size_t> test;
    const bool byTime = c.settings.contains(QStringLiteral("split_time_column"));
    if (byTime || c.settings.contains(QStringLiteral("split_fraction"))) {
        const double fraction = c.settings.value(QStringLiteral("split_fraction")).toDouble(0.8);
        if (!(fraction > 0 && fraction < 1))
            return Error{QStringLiteral("split_fraction: a share between 0 and 1, exclusive (got %1)").arg(fraction)};
        std::vector<size_t> order = rows;
        if (byTime) {
            const int col = t.indexOf(c.text(QStringLiteral("split_time_column")));
            if (col < 0)
                return Error{QStringLiteral("split_time_column: the dataset has no column '%1'").arg(c.text(QStringLiteral("split_time_column")))};
            const DataColumn &time = t.columns[size_t(col)];
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                return time.isNumeric() ? time.numbers[a] < time.numbers[b] : time.display(a) < time.display(b);
            });
        } else {
            std::mt19937_64 random(quint64(c.settings.value(QStringLiteral("seed")).toInteger(0)));
            std::shuffle(order.begin(), order.end(), random);
        }
        const size_t first = size_t(std::llround(fraction * double(order.size())));
        std::vector<size_t> kept(order.begin(), order.begin() + qsizetype(first));
        test.assign(order.begin() + qsizetype(first), order.end());
        std::sort(kept.begin(), kept.end());
        std::sort(test.begin(), test.end());
        rows = std::move(kept);
        if (rows.empty() || test.empty())
            return Error{QStringLiteral("the split leaves %1 empty (%2 rows)").arg(rows.empty() ? QStringLiteral("dataset") : QStringLiteral("test")).arg(order.size())};
    }
    if (rows.empty())
        return Error{QStringLiteral("no row is left after the filter and drop_missing")};
    StepResult r;
    const QString name = c.text(QStringLiteral("dataset"));
    auto stored = registerTable(c, name, t.rows(rows), QStringLiteral("transformed by pipeline run %1").arg(c.pipelineRunId));
    if (!stored)
        return stored.error();
    r.outputs.insert(QStringLiteral("dataset"), *stored);
    r.summary = QStringLiteral("%1 (%2 rows)").arg(stored->value).arg(rows.size());
    if (!test.empty()) {
        auto held = registerTable(c, c.text(QStringLiteral("test_dataset"), name + QStringLiteral("-test")), t.rows(test),
                                  QStringLiteral("held out by pipeline run %1").arg(c.pipelineRunId));
        if (!held)
            return held.error();
        r.outputs.insert(QStringLiteral("test"), *held);
        r.summary += QStringLiteral(", test %1 (%2 rows)").arg(held->value).arg(test.size());
    }
    return r;
}

} // namespace stratus::pipeline::steps
