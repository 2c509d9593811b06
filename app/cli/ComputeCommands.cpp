#include "CliOutput.h"
#include "Commands.h"
#include "compute/SharedFolder.h"
#include "compute/SlurmCluster.h"
#include "registry/ComputeStore.h"
#include "workspace/Workspace.h"

#include <QDateTime>

#include <QCoreApplication>
#include <QDir>
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
                                     QStringLiteral("description"), QStringLiteral("kind"), QStringLiteral("partition"),
                                     QStringLiteral("cpus-per-job"), QStringLiteral("time-limit"), QStringLiteral("account"),
                                     QStringLiteral("qos"), QStringLiteral("shared-folder"), QStringLiteral("node-shared-folder"),
                                     QStringLiteral("worker-command"), QStringLiteral("retries"), QStringLiteral("no-check")};

// Applies the options given on the command line to `profile`.
bool applyOptions(const CliArgs &args, ComputeProfile &profile)
{
    const std::pair<const char *, int *> numbers[] = {{"max-concurrent", &profile.maxConcurrent},
                                                      {"threads-per-trial", &profile.threadsPerTrial},
                                                      {"memory-mb", &profile.memoryMb},
                                                      {"cpus-per-job", &profile.threadsPerTrial},
                                                      {"time-limit", &profile.slurm.timeLimitMinutes},
                                                      {"retries", &profile.slurm.maxRetries}};
    for (const auto &[name, field] : numbers) {
        const QString option = QString::fromLatin1(name);
        if (!args.has(option))
            continue;
        QString error;
        const auto v = args.integer(option, &error);
        if (!v) {
            fail(error, Usage);
            return false;
        }
        *field = *v;
    }
    if (args.has(QStringLiteral("priority")))
        profile.priority = args.value(QStringLiteral("priority"));
    if (args.has(QStringLiteral("description")))
        profile.description = args.value(QStringLiteral("description"));
    if (args.has(QStringLiteral("kind")))
        profile.kind = args.value(QStringLiteral("kind"));
    const std::pair<const char *, QString SlurmSettings::*> slurmTexts[] = {
        {"partition", &SlurmSettings::partition},         {"account", &SlurmSettings::account},
        {"qos", &SlurmSettings::qos},                     {"shared-folder", &SlurmSettings::sharedFolder},
        {"node-shared-folder", &SlurmSettings::nodeSharedFolder}, {"worker-command", &SlurmSettings::workerCommand}};
    for (const auto &[name, field] : slurmTexts)
        if (args.has(QString::fromLatin1(name)))
            profile.slurm.*field = args.value(QString::fromLatin1(name));
    if (!profile.slurm.sharedFolder.isEmpty())
        profile.slurm.sharedFolder = QDir(profile.slurm.sharedFolder).absolutePath();
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
            {QStringLiteral("kind"), p.kind},
            {QStringLiteral("slurm"), p.isSlurm() ? slurmToJson(p.slurm) : QJsonObject()},
            {QStringLiteral("created_at"), p.createdAt.toString(Qt::ISODateWithMs)}};
}

QJsonObject stateToJson(const slurm::ClusterState &state)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonArray nodes, jobs;
    for (const auto &n : state.nodes)
        nodes.append(QJsonObject{{QStringLiteral("name"), n.name}, {QStringLiteral("state"), n.state},
                                 {QStringLiteral("cpus"), n.cpus}, {QStringLiteral("memory_mb"), n.memoryMb}});
    for (const auto &j : state.jobs)
        jobs.append(QJsonObject{{QStringLiteral("job_id"), j.id}, {QStringLiteral("name"), j.name},
                                {QStringLiteral("state"), j.state}, {QStringLiteral("reason"), j.reason},
                                {QStringLiteral("nodes"), j.nodes}, {QStringLiteral("queue_seconds"), j.queueSeconds(now)}});
    return {{QStringLiteral("nodes"), nodes}, {QStringLiteral("jobs"), jobs},
            {QStringLiteral("idle"), state.idle}, {QStringLiteral("mixed"), state.mixed},
            {QStringLiteral("allocated"), state.allocated}, {QStringLiteral("down"), state.down}};
}

// `compute show NAME`: the profile, and for a Slurm one the cluster's state now.
int showProfile(Workspace &ws, const ComputeProfile &p, bool json)
{
    Result<slurm::ClusterState> state = Error{};
    if (p.isSlurm())
        state = slurm::clusterState(p.slurm.partition, slurm::SharedFolder(p.slurm, ws.path()).jobPrefix());
    if (json) {
        QJsonObject o = toJson(p);
        if (p.isSlurm())
            o.insert(QStringLiteral("cluster"), state ? stateToJson(*state) : QJsonObject{{QStringLiteral("error"), state.message()}});
        printJson(QJsonDocument(o));
        return p.isSlurm() && !state ? Failed : Ok;
    }
    out() << Tr::tr("Compute profile '%1' (%2)").arg(p.name, p.kind) << '\n';
    if (!p.isSlurm()) {
        out() << Tr::tr("  %1 concurrent trials, %2 threads per trial, memory per trial: %3")
                     .arg(p.maxConcurrent)
                     .arg(p.threadsPerTrial)
                     .arg(p.memoryMb ? Tr::tr("%1 MB").arg(p.memoryMb) : Tr::tr("no limit"))
              << '\n';
        return Ok;
    }
    const SlurmSettings &s = p.slurm;
    out() << Tr::tr("  partition %1; jobs at once: up to %2; per job: CPUs %3, memory %4, time limit %5 min; retries: %6")
                 .arg(s.partition)
                 .arg(p.maxConcurrent)
                 .arg(p.threadsPerTrial)
                 .arg(p.memoryMb ? Tr::tr("%1 MB").arg(p.memoryMb) : Tr::tr("the partition's default"))
                 .arg(s.timeLimitMinutes)
                 .arg(s.maxRetries)
          << '\n';
    if (!p.description.isEmpty())
        out() << QStringLiteral("  ") << p.description << '\n';
    if (!s.account.isEmpty() || !s.qos.isEmpty())
        out() << Tr::tr("  account %1, QOS %2").arg(s.account.isEmpty() ? QStringLiteral("-") : s.account,
                                                    s.qos.isEmpty() ? QStringLiteral("-") : s.qos) << '\n';
    out() << Tr::tr("  shared folder %1%2").arg(s.sharedFolder, s.nodeSharedFolder.isEmpty() ? QString() : Tr::tr(" (on the nodes: %1)").arg(s.nodeSharedFolder)) << '\n';
    if (!state)
        return fail(state.message());
    out() << Tr::tr("Nodes: %1 idle, %2 mixed, %3 allocated, %4 down").arg(state->idle).arg(state->mixed).arg(state->allocated).arg(state->down) << '\n';
    QList<QStringList> rows;
    for (const auto &n : state->nodes)
        rows << QStringList{n.name, n.state, QString::number(n.cpus), QString::number(n.memoryMb)};
    printTable({Tr::tr("NODE"), Tr::tr("STATE"), Tr::tr("CPUS"), Tr::tr("MEMORY MB")}, rows);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    rows.clear();
    for (const auto &j : state->jobs)
        rows << QStringList{j.id, j.name, j.state, j.reason, j.nodes, QString::number(j.queueSeconds(now))};
    out() << Tr::tr("This workspace's jobs: %1").arg(state->jobs.size()) << '\n';
    if (!rows.isEmpty())
        printTable({Tr::tr("JOB"), Tr::tr("NAME"), Tr::tr("STATE"), Tr::tr("REASON"), Tr::tr("NODES"), Tr::tr("QUEUED S")}, rows);
    return Ok;
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
                                p.memoryMb ? QString::number(p.memoryMb) : p.isSlurm() ? Tr::tr("partition default") : Tr::tr("no limit"),
                                p.isSlurm() ? QStringLiteral("-") : p.priority,
                                p.description, p.isSlurm() ? QStringLiteral("slurm:%1").arg(p.slurm.partition) : p.kind};
        printTable({Tr::tr("NAME"), Tr::tr("MAX CONCURRENT"), Tr::tr("THREADS/TRIAL"), Tr::tr("MEMORY MB"), Tr::tr("PRIORITY"),
                    Tr::tr("DESCRIPTION"), Tr::tr("KIND")},
                   rows);
        return Ok;
    }
    if (command == QLatin1String("create") || command == QLatin1String("update")) {
        if (!onlyOptions(args, kProfileOptions) || pos.size() != 3)
            return fail(Tr::tr("usage: compute %1 NAME [--max-concurrent N] [--threads-per-trial T] [--memory-mb M] "
                           "[--priority normal|low] [--description TEXT] [--kind local|slurm --partition P "
                           "--shared-folder DIR [--cpus-per-job C] [--time-limit MINUTES] [--account A] [--qos Q] "
                           "[--node-shared-folder DIR] [--worker-command PATH] [--retries N] [--no-check]]")
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
        const ComputeProfile before = profile;
        if (!applyOptions(args, profile))
            return Usage;
        static const QStringList slurmOnly = {QStringLiteral("partition"), QStringLiteral("cpus-per-job"), QStringLiteral("time-limit"),
                                              QStringLiteral("account"), QStringLiteral("qos"), QStringLiteral("shared-folder"),
                                              QStringLiteral("node-shared-folder"), QStringLiteral("worker-command"),
                                              QStringLiteral("retries"), QStringLiteral("no-check")};
        for (const QString &option : slurmOnly)
            if (args.has(option) && !profile.isSlurm())
                return fail(Tr::tr("--%1 is for a Slurm profile: add --kind slurm").arg(option), Usage);
        if (profile.isSlurm() && args.has(QStringLiteral("priority")))
            return fail(Tr::tr("--priority is for this machine's profiles: on Slurm the partition and --qos decide"), Usage);
        // A Slurm profile is checked against the cluster (sinfo, the shared folder) unless told
        // not to, or unless what the check looks at is unchanged (an update of its description).
        const bool clusterChanged = command == QLatin1String("create") || before.kind != profile.kind || !(before.slurm == profile.slurm)
            || before.threadsPerTrial != profile.threadsPerTrial || before.memoryMb != profile.memoryMb;
        if (profile.isSlurm() && clusterChanged && !args.flag(QStringLiteral("no-check"))) {
            if (Status s = ComputeStore::validate(profile); !s)
                return fail(s.message());
            if (Status s = slurm::check(profile); !s)
                return fail(s.message() + Tr::tr(" (--no-check saves the profile without checking)"));
        }
        if (command == QLatin1String("create")) {
            auto made = store.create(profile);
            if (!made)
                return fail(made.message());
            if (made->isSlurm())
                out() << Tr::tr("Created compute profile '%1': Slurm partition %2; jobs at once: up to %3; CPUs per job: %4; "
                                "shared folder %5.")
                             .arg(made->name, made->slurm.partition)
                             .arg(made->maxConcurrent)
                             .arg(made->threadsPerTrial)
                             .arg(made->slurm.sharedFolder)
                      << '\n';
            else
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
    if (command == QLatin1String("show")) {
        if (!onlyOptions(args, {}) || pos.size() != 3)
            return fail(Tr::tr("usage: compute show NAME [--json]"), Usage);
        auto profile = store.get(pos[2]);
        if (!profile)
            return fail(profile.message());
        return showProfile(ws, *profile, args.flag(QStringLiteral("json")));
    }
    if (command == QLatin1String("check")) {
        if (!onlyOptions(args, {}) || pos.size() != 3)
            return fail(Tr::tr("usage: compute check NAME"), Usage);
        auto profile = store.get(pos[2]);
        if (!profile)
            return fail(profile.message());
        if (!profile->isSlurm()) {
            out() << Tr::tr("'%1' is this machine's threads: nothing to check.").arg(profile->name) << '\n';
            return Ok;
        }
        auto answer = slurm::probe(*profile, ws.path());
        if (!answer)
            return fail(answer.message());
        out() << *answer << '\n';
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
    return fail(Tr::tr("unknown command 'compute %1' (use create, update, list, show, check or delete)").arg(command), Usage);
}

} // namespace stratus::cli
