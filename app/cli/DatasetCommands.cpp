#include "CliOutput.h"
#include "Commands.h"
#include "CsvOptions.h"
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace stratus::cli {

namespace {

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::cli)
};

QJsonValue json(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject columnJson(const DatasetColumn &c)
{
    const ColumnProfile &p = c.profile;
    QJsonObject quantiles;
    for (size_t i = 0; i < p.quantiles.size(); ++i)
        quantiles.insert(QStringLiteral("%1%").arg(ColumnProfile::kQuantiles[i] * 100), p.quantiles[i]);
    QJsonArray top;
    for (const auto &[value, n] : p.topValues)
        top.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("count"), n}});
    QJsonObject o{{QStringLiteral("name"), c.name},
                  {QStringLiteral("type"), columnTypeName(c.type)},
                  {QStringLiteral("count"), p.count},
                  {QStringLiteral("missing"), p.missing},
                  {QStringLiteral("unique"), p.unique},
                  {QStringLiteral("min"), json(p.min)},
                  {QStringLiteral("max"), json(p.max)},
                  {QStringLiteral("mean"), json(p.mean)},
                  {QStringLiteral("std"), json(p.stddev)},
                  {QStringLiteral("quantiles"), quantiles},
                  {QStringLiteral("skewness"), json(p.skewness)},
                  {QStringLiteral("kurtosis"), json(p.kurtosis)},
                  {QStringLiteral("top_values"), top},
                  {QStringLiteral("type_chosen"), p.typeChosen}};
    if (c.type == ColumnType::Boolean)
        o.insert(QStringLiteral("spelling"), QJsonObject{{QStringLiteral("false"), c.spelling.falseText},
                                                         {QStringLiteral("true"), c.spelling.trueText}});
    if (!p.minText.isEmpty()) {
        o.insert(QStringLiteral("min"), p.minText);
        o.insert(QStringLiteral("max"), p.maxText);
    }
    return o;
}

QList<ColumnNote> notesOf(const DatasetVersion &v)
{
    QList<ColumnNote> notes;
    for (const auto &c : v.columns)
        notes += c.profile.notes;
    return notes;
}

QJsonObject versionJson(const DatasetVersion &v)
{
    QJsonArray columns;
    for (const auto &c : v.columns)
        columns.append(columnJson(c));
    return {{QStringLiteral("name"), v.name},
            {QStringLiteral("version"), v.version},
            {QStringLiteral("description"), v.description},
            {QStringLiteral("tags"), QJsonObject::fromVariantMap(v.tags)},
            {QStringLiteral("source"), v.sourcePath},
            {QStringLiteral("content_hash"), v.contentHash},
            {QStringLiteral("created_at"), v.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("dialect"), v.dialect.toJson()},
            {QStringLiteral("rows"), v.rows},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("notes"), notesJson(notesOf(v))}};
}

void printVersion(const DatasetVersion &v)
{
    out() << Tr::tr("Dataset      %1 (version %2)").arg(v.name).arg(v.version) << '\n'
          << Tr::tr("Rows         %1").arg(v.rows) << '\n'
          << Tr::tr("Columns      %1").arg(v.columns.size()) << '\n'
          << Tr::tr("Created      %1").arg(v.createdAt.toLocalTime().toString(Qt::ISODate)) << '\n'
          << Tr::tr("Source       %1").arg(v.sourcePath) << '\n'
          << Tr::tr("Hash         %1").arg(v.contentHash) << '\n';
    if (!v.description.isEmpty())
        out() << Tr::tr("Description  %1").arg(v.description) << '\n';
    if (!v.tags.isEmpty())
        out() << Tr::tr("Tags         %1").arg(formatTags(v.tags)) << '\n';
    out() << '\n';
    QList<QStringList> rows;
    for (const auto &c : v.columns) {
        const ColumnProfile &p = c.profile;
        auto q = [&p](size_t i) { return i < p.quantiles.size() ? number(p.quantiles[i]) : QString(); };
        rows << QStringList{c.name, columnTypeName(c.type), QString::number(p.count), QString::number(p.missing),
                            QString::number(p.unique), p.minText.isEmpty() ? number(p.min) : p.minText,
                            p.maxText.isEmpty() ? number(p.max) : p.maxText, number(p.mean), number(p.stddev),
                            q(0), q(1), q(2), q(3), q(4), number(p.skewness), number(p.kurtosis)};
    }
    printTable({Tr::tr("COLUMN"), Tr::tr("TYPE"), Tr::tr("COUNT"), Tr::tr("MISSING"), Tr::tr("UNIQUE"), Tr::tr("MIN"), Tr::tr("MAX"),
                Tr::tr("MEAN"), Tr::tr("STD"), QStringLiteral("5%"), QStringLiteral("25%"), QStringLiteral("50%"),
                QStringLiteral("75%"), QStringLiteral("95%"), Tr::tr("SKEW"), Tr::tr("KURT")},
               rows);
    if (!notesOf(v).isEmpty())
        out() << '\n';
    printNotes(notesOf(v));
}

int reportRegistered(const Registered &r, bool asJson)
{
    if (asJson) {
        QJsonObject o = versionJson(r.version);
        o.insert(QStringLiteral("same_data_as"), r.sameDataAs.isEmpty() ? QJsonValue() : QJsonValue(r.sameDataAs));
        printJson(QJsonDocument(o));
        return Ok;
    }
    out() << Tr::tr("Registered dataset %1 (%2 rows, %3 columns).")
                 .arg(r.version.reference())
                 .arg(r.version.rows)
                 .arg(r.version.columns.size())
          << '\n';
    if (!r.sameDataAs.isEmpty())
        out() << Tr::tr("Note: it holds the same data as %1.").arg(r.sameDataAs) << '\n';
    printNotes(notesOf(r.version));
    return Ok;
}

int importCommand(Workspace &ws, const CliArgs &args)
{
    const QStringList allowed = QStringList{QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("tags")}
                                + csvOptionNames();
    if (!onlyOptions(args, allowed) || args.positionals().size() != 3 || !args.has(QStringLiteral("name")))
        return fail(Tr::tr("usage: dataset import FILE --name NAME [--description TEXT] [--tags k=v,..] "
                       "[--delimiter D] [--header|--no-header] [--decimal-comma] [--type col=TYPE,..] "
                       "[--ignore col,..]"),
                    Usage);
    CsvReadOptions options;
    QString error;
    if (!csvReadOptions(args, options, error))
        return fail(error, Usage);
    RegisterRequest request;
    request.name = args.value(QStringLiteral("name"));
    request.description = args.value(QStringLiteral("description"));
    auto tags = parseTags(args.value(QStringLiteral("tags")));
    if (!tags)
        return fail(QStringLiteral("--tags: ") + tags.message(), Usage);
    request.tags = *tags;
    auto registered = importDataset(ws, args.positionals()[2], options, request);
    if (!registered)
        return fail(registered.message());
    return reportRegistered(*registered, args.flag(QStringLiteral("json")));
}

int listCommand(Workspace &ws, const CliArgs &args)
{
    if (!onlyOptions(args, {}) || args.positionals().size() != 2)
        return fail(Tr::tr("usage: dataset list [--json]"), Usage);
    auto list = DatasetStore(ws).list();
    if (!list)
        return fail(list.message());
    if (args.flag(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &d : *list)
            array.append(QJsonObject{{QStringLiteral("name"), d.name},
                                     {QStringLiteral("latest_version"), d.latestVersion},
                                     {QStringLiteral("versions"), d.versionCount},
                                     {QStringLiteral("rows"), d.rows},
                                     {QStringLiteral("columns"), d.columns},
                                     {QStringLiteral("description"), d.description},
                                     {QStringLiteral("sample"), d.isSample},
                                     {QStringLiteral("created_at"), d.createdAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("updated_at"), d.updatedAt.toString(Qt::ISODateWithMs)}});
        printJson(QJsonDocument(array));
        return Ok;
    }
    QList<QStringList> rows;
    for (const auto &d : *list)
        rows << QStringList{d.name, QString::number(d.latestVersion), QString::number(d.rows),
                            QString::number(d.columns), d.updatedAt.toLocalTime().toString(Qt::ISODate),
                            d.isSample ? Tr::tr("sample (made up)") : QString()};
    printTable({Tr::tr("NAME"), Tr::tr("LATEST VERSION"), Tr::tr("ROWS"), Tr::tr("COLUMNS"), Tr::tr("UPDATED"), Tr::tr("NOTE")}, rows);
    return Ok;
}

} // namespace

int datasetCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    if (command == QLatin1String("import"))
        return importCommand(ws, args);
    if (command == QLatin1String("list"))
        return listCommand(ws, args);
    if (command == QLatin1String("show")) {
        if (!onlyOptions(args, {}) || args.positionals().size() != 3)
            return fail(Tr::tr("usage: dataset show NAME[:VERSION] [--json]"), Usage);
        auto v = DatasetStore(ws).resolve(args.positionals()[2]);
        if (!v)
            return fail(v.message());
        if (args.flag(QStringLiteral("json")))
            printJson(QJsonDocument(versionJson(*v)));
        else
            printVersion(*v);
        return Ok;
    }
    if (command == QLatin1String("sample")) {
        if (!onlyOptions(args, {QStringLiteral("rows"), QStringLiteral("name")}) || args.positionals().size() != 2
            || !args.has(QStringLiteral("rows")))
            return fail(Tr::tr("usage: dataset sample --rows N [--name NAME]"), Usage);
        QString error;
        const auto rows = args.integer(QStringLiteral("rows"), &error);
        if (!rows)
            return fail(error, Usage);
        auto r = registerSyntheticRecords(
            ws, args.value(QStringLiteral("name"), QString::fromLatin1(kSampleDatasetName)), *rows);
        if (!r)
            return fail(r.message());
        return reportRegistered(*r, args.flag(QStringLiteral("json")));
    }
    return fail(Tr::tr("unknown command 'dataset %1' (use import, list, show or sample)").arg(command), Usage);
}

} // namespace stratus::cli
