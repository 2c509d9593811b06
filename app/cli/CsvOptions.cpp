#include "CsvOptions.h"

#include "CliOutput.h"

#include <QCoreApplication>
#include <QHash>

namespace stratus::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::cli)
};

std::optional<char> parseDelimiter(const QString &text)
{
    static const QHash<QString, char> named = {
        {QStringLiteral("comma"), ','}, {QStringLiteral("tab"), '\t'}, {QStringLiteral("\\t"), '\t'},
        {QStringLiteral("semicolon"), ';'}, {QStringLiteral("pipe"), '|'}};
    if (named.contains(text.toLower()))
        return named.value(text.toLower());
    if (text.size() == 1 && text[0].unicode() < 128 && text[0] != QLatin1Char('"') && text[0] != QLatin1Char('\n'))
        return char(text[0].unicode());
    return std::nullopt;
}

} // namespace

QStringList csvOptionNames()
{
    return {QStringLiteral("delimiter"),     QStringLiteral("header"),           QStringLiteral("no-header"),
            QStringLiteral("decimal-comma"), QStringLiteral("no-decimal-comma"), QStringLiteral("type"),
            QStringLiteral("ignore")};
}

bool csvReadOptions(const CliArgs &args, CsvReadOptions &options, QString &error)
{
    if (args.has(QStringLiteral("delimiter"))) {
        options.delimiter = parseDelimiter(args.value(QStringLiteral("delimiter")));
        if (!options.delimiter) {
            error = Tr::tr("--delimiter must be comma, tab, semicolon, pipe or a single character (got '%1')")
                        .arg(args.value(QStringLiteral("delimiter")));
            return false;
        }
    }
    if (args.flag(QStringLiteral("header")) || args.flag(QStringLiteral("no-header")))
        options.hasHeader = args.flag(QStringLiteral("header"));
    if (args.flag(QStringLiteral("decimal-comma")) || args.flag(QStringLiteral("no-decimal-comma")))
        options.decimalComma = args.flag(QStringLiteral("decimal-comma"));
    for (const QString &entry : args.value(QStringLiteral("type")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.lastIndexOf(QLatin1Char('='));
        const auto type = eq > 0 ? columnTypeFromName(entry.mid(eq + 1).trimmed()) : std::nullopt;
        if (!type) {
            error = Tr::tr("--type entry '%1' is not COLUMN=TYPE with TYPE one of integer, decimal, boolean, "
                           "categorical, text, datetime")
                        .arg(entry);
            return false;
        }
        options.columns[entry.left(eq).trimmed()].type = type;
    }
    for (const QString &column : args.value(QStringLiteral("ignore")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.columns[column.trimmed()].ignored = true;
    return true;
}

void printNotes(const QList<ColumnNote> &notes)
{
    for (const ColumnNote &n : notes)
        out() << Tr::tr("Note: %1").arg(n.message()) << '\n';
}

QJsonArray notesJson(const QList<ColumnNote> &notes)
{
    QJsonArray list;
    for (const ColumnNote &n : notes)
        list.append(n.toJson());
    return list;
}

} // namespace stratus::cli
