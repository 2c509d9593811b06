#include "CliOutput.h"
#include "Commands.h"
#include "registry/ExperimentStore.h"
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
} // namespace

int experimentCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    ExperimentStore store(ws);
    const QStringList &pos = args.positionals();
    if (command == QLatin1String("create")) {
        if (!onlyOptions(args, {}) || pos.size() != 3)
            return fail(Tr::tr("usage: experiment create NAME"), Usage);
        bool created = false;
        auto e = store.getOrCreate(pos[2], &created);
        if (!e)
            return fail(e.message());
        out() << (created ? Tr::tr("Created experiment '%1'.") : Tr::tr("Experiment '%1' already exists; using it."))
                     .arg(e->name)
              << '\n';
        return Ok;
    }
    if (command == QLatin1String("list")) {
        if (!onlyOptions(args, {}) || pos.size() != 2)
            return fail(Tr::tr("usage: experiment list [--json]"), Usage);
        auto list = store.list();
        if (!list)
            return fail(list.message());
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const auto &e : *list)
                array.append(QJsonObject{{QStringLiteral("name"), e.name},
                                         {QStringLiteral("runs"), e.runCount},
                                         {QStringLiteral("latest_status"),
                                          e.latestStatus.isEmpty() ? QJsonValue() : QJsonValue(e.latestStatus)},
                                         {QStringLiteral("created_at"), e.createdAt.toString(Qt::ISODateWithMs)}});
            printJson(QJsonDocument(array));
            return Ok;
        }
        QList<QStringList> rows;
        for (const auto &e : *list)
            rows << QStringList{e.name, QString::number(e.runCount), e.latestStatus,
                                e.createdAt.toLocalTime().toString(Qt::ISODate)};
        printTable({Tr::tr("NAME"), Tr::tr("RUNS"), Tr::tr("LATEST STATUS"), Tr::tr("CREATED")}, rows);
        return Ok;
    }
    return fail(Tr::tr("unknown command 'experiment %1' (use create or list)").arg(command), Usage);
}

} // namespace stratus::cli
