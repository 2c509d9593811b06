#include "CliOutput.h"
#include "Commands.h"
#include "registry/ComputeStore.h"
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

const QStringList kProfileOptions = {QStringLiteral("max-concurrent"), QStringLiteral("threads-per-trial"),
                                     QStringLiteral("memory-mb"), QStringLiteral("priority"),
                                     QStringLiteral("description")};

// Applies the options given on the command line to `profile`.
bool applyOptions(const CliArgs &args, ComputeProfile &profile)
{
    QString error;
    const std::pair<const char *, int ComputeProfile::*> numbers[] = {
        {"max-concurrent", &ComputeProfile::maxConcurrent},
        {"threads-per-trial", &ComputeProfile::threadsPerTrial},
        {"memory-mb", &ComputeProfile::memoryMb}};
    for (const auto &[name, field] : numbers) {
        const QString option = QString::fromLatin1(name);
        if (!args.has(option))
            continue;
        const auto v = args.integer(option, &error);
        if (!v) {
            fail(error, Usage);
            return false;
        }
        profile.*field = *v;
    }
    if (args.has(QStringLiteral("priority")))
        profile.priority = args.value(QStringLiteral("priority"));
    if (args.has(QStringLiteral("description")))
        profile.description = args.value(QStringLiteral("description"));
    return true;
}

QJsonObject toJson(const ComputeProfile &p)
{
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("max_concurrent"), p.maxConcurrent},
            {QStringLiteral("threads_per_trial"), p.threadsPerTrial},
            {QStringLiteral("memory_mb"), p.memoryMb},
            {QStringLiteral("priority"), p.priority},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("created_at"), p.createdAt.toString(Qt::ISODateWithMs)}};
}

} // namespace

int computeCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    ComputeStore store(ws);
    const QStringList &pos = args.positionals();
    if (command == QLatin1String("list")) {
        if (!onlyOptions(args, {}) || pos.size() != 2)
            return fail(Tr::tr("usage: compute list [--json]"), Usage);
        auto profiles = store.list();
        if (!profiles)
            return fail(profiles.message());
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const auto &p : *profiles)
                array.append(toJson(p));
            printJson(QJsonDocument(array));
            return Ok;
        }
        QList<QStringList> rows;
        for (const auto &p : *profiles)
            rows << QStringList{p.name, QString::number(p.maxConcurrent), QString::number(p.threadsPerTrial),
                                p.memoryMb ? QString::number(p.memoryMb) : Tr::tr("no limit"), p.priority,
                                p.description};
        printTable({Tr::tr("NAME"), Tr::tr("MAX CONCURRENT"), Tr::tr("THREADS/TRIAL"), Tr::tr("MEMORY MB"), Tr::tr("PRIORITY"),
                    Tr::tr("DESCRIPTION")},
                   rows);
        return Ok;
    }
    if (command == QLatin1String("create") || command == QLatin1String("update")) {
        if (!onlyOptions(args, kProfileOptions) || pos.size() != 3)
            return fail(Tr::tr("usage: compute %1 NAME [--max-concurrent N] [--threads-per-trial T] [--memory-mb M] "
                           "[--priority normal|low] [--description TEXT]")
                            .arg(command),
                        Usage);
        ComputeProfile profile;
        if (command == QLatin1String("update")) {
            auto existing = store.get(pos[2]);
            if (!existing)
                return fail(existing.message());
            profile = *existing;
        } else {
            profile.name = pos[2];
        }
        if (!applyOptions(args, profile))
            return Usage;
        if (command == QLatin1String("create")) {
            auto made = store.create(profile);
            if (!made)
                return fail(made.message());
            out() << Tr::tr("Created compute profile '%1': %2 concurrent trials, %3 threads per trial.")
                         .arg(made->name)
                         .arg(made->maxConcurrent)
                         .arg(made->threadsPerTrial)
                  << '\n';
        } else {
            if (Status s = store.update(profile); !s)
                return fail(s.message());
            out() << Tr::tr("Updated compute profile '%1'.").arg(profile.name) << '\n';
        }
        return Ok;
    }
    if (command == QLatin1String("delete")) {
        if (!onlyOptions(args, {}) || pos.size() != 3)
            return fail(Tr::tr("usage: compute delete NAME"), Usage);
        if (Status s = store.remove(pos[2]); !s)
            return fail(s.message());
        out() << Tr::tr("Deleted compute profile '%1'.").arg(pos[2]) << '\n';
        return Ok;
    }
    return fail(Tr::tr("unknown command 'compute %1' (use create, update, list or delete)").arg(command), Usage);
}

} // namespace stratus::cli
