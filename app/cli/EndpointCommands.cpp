#include "CliOutput.h"
#include "Commands.h"
#include "data/store/DatasetStore.h"
#include "registry/EndpointStore.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace stratus::cli {

namespace {

QJsonObject toJson(const Endpoint &e)
{
    return {{QStringLiteral("name"), e.name},
            {QStringLiteral("model"), e.model},
            {QStringLiteral("model_version"), e.modelVersion},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("tags"), QJsonObject::fromVariantMap(e.tags)},
            {QStringLiteral("scoring_uri"), e.scoringUri()},
            {QStringLiteral("swagger_uri"), e.swaggerUri()},
            {QStringLiteral("auth"), e.keyAuth ? QStringLiteral("key") : QStringLiteral("none")},
            {QStringLiteral("threads"), e.threads},
            {QStringLiteral("memory_mb"), e.memoryMb},
            {QStringLiteral("should_run"), e.shouldRun},
            {QStringLiteral("state"), endpointStateName(e.state)},
            {QStringLiteral("state_reason"), e.stateReason},
            {QStringLiteral("created_at"), e.createdAt.toString(Qt::ISODateWithMs)}};
}

const char *kUsage = "usage: endpoint create NAME --model NAME[:V] [--port P] [--host ADDR] [--auth none] [--threads N]"
                     " [--memory-mb M] [--description TEXT] [--tags k=v,..] | endpoint list | endpoint show NAME"
                     " | endpoint keys NAME [--regenerate primary|secondary] | endpoint delete NAME";

} // namespace

int endpointCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    EndpointStore store(ws);
    const QStringList &pos = args.positionals();
    const bool asJson = args.flag(QStringLiteral("json"));
    if (command == QLatin1String("create")) {
        if (!onlyOptions(args, {QStringLiteral("model"), QStringLiteral("port"), QStringLiteral("host"), QStringLiteral("auth"),
                                QStringLiteral("threads"), QStringLiteral("memory-mb"), QStringLiteral("description"),
                                QStringLiteral("tags")})
            || pos.size() != 3 || !args.has(QStringLiteral("model")))
            return fail(QString::fromLatin1(kUsage), Usage);
        EndpointRequest r;
        r.name = pos.at(2);
        r.model = args.value(QStringLiteral("model"));
        r.description = args.value(QStringLiteral("description"));
        QString problem;
        r.port = args.has(QStringLiteral("port")) ? args.integer(QStringLiteral("port"), &problem).value_or(-1) : 0;
        r.threads = args.has(QStringLiteral("threads")) ? args.integer(QStringLiteral("threads"), &problem).value_or(0) : 1;
        r.memoryMb = args.has(QStringLiteral("memory-mb")) ? args.integer(QStringLiteral("memory-mb"), &problem).value_or(-1) : 0;
        if (!problem.isEmpty())
            return fail(problem, Usage);
        if (args.has(QStringLiteral("host")))
            r.host = args.value(QStringLiteral("host"));
        if (args.has(QStringLiteral("auth"))) {
            if (args.value(QStringLiteral("auth")) != QLatin1String("none"))
                return fail(QStringLiteral("--auth: the only value is 'none' (keys are on by default)"), Usage);
            r.keyAuth = false;
        }
        auto tags = parseTags(args.value(QStringLiteral("tags")));
        if (!tags)
            return fail(QStringLiteral("--tags: ") + tags.message(), Usage);
        r.tags = *tags;
        auto e = store.create(r);
        if (!e)
            return fail(e.message());
        if (asJson) {
            printJson(QJsonDocument(toJson(*e)));
        } else {
            out() << "Created endpoint " << e->name << " for " << e->modelReference() << '\n'
                  << "Scoring URI: " << e->scoringUri() << '\n';
            if (e->host != QLatin1String("127.0.0.1") && e->host != QLatin1String("::1"))
                err() << "stratus-cli: warning: " << e->host << " can be reached from other machines\n";
            out() << "Start it from the studio's Endpoints screen, or run it here: stratus-cli serve --model "
                  << e->modelReference() << " --port " << e->port << '\n';
        }
        return Ok;
    }
    if (command == QLatin1String("list")) {
        if (!onlyOptions(args, {}) || pos.size() != 2)
            return fail(QString::fromLatin1(kUsage), Usage);
        auto list = store.list();
        if (!list)
            return fail(list.message());
        if (asJson) {
            QJsonArray array;
            for (const Endpoint &e : *list)
                array.append(toJson(e));
            printJson(QJsonDocument(array));
            return Ok;
        }
        QList<QStringList> rows;
        for (const Endpoint &e : *list)
            rows << QStringList{e.name, endpointStateName(e.state), e.modelReference(), e.scoringUri(),
                                e.keyAuth ? QStringLiteral("key") : QStringLiteral("none")};
        printTable({QStringLiteral("NAME"), QStringLiteral("STATE"), QStringLiteral("MODEL"), QStringLiteral("SCORING URI"),
                    QStringLiteral("AUTH")},
                   rows);
        return Ok;
    }
    if (command == QLatin1String("show") || command == QLatin1String("delete")) {
        if (!onlyOptions(args, {}) || pos.size() != 3)
            return fail(QString::fromLatin1(kUsage), Usage);
        if (command == QLatin1String("delete")) {
            auto e = store.get(pos.at(2));
            if (!e)
                return fail(e.message());
            if (e->state == EndpointState::Healthy || e->state == EndpointState::Transitioning)
                return fail(QStringLiteral("endpoint %1 is %2: stop it in the studio first").arg(e->name, endpointStateName(e->state)));
            if (Status s = store.remove(pos.at(2)); !s)
                return fail(s.message());
            out() << "Deleted endpoint " << pos.at(2) << '\n';
            return Ok;
        }
        auto e = store.get(pos.at(2));
        if (!e)
            return fail(e.message());
        if (asJson) {
            printJson(QJsonDocument(toJson(*e)));
            return Ok;
        }
        out() << "Endpoint     " << e->name << '\n'
              << "State        " << endpointStateName(e->state) << (e->stateReason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e->stateReason)) << '\n'
              << "Model        " << e->modelReference() << '\n'
              << "Scoring URI  " << e->scoringUri() << '\n'
              << "Swagger URI  " << e->swaggerUri() << '\n'
              << "Auth         " << (e->keyAuth ? "key" : "none") << '\n'
              << "Threads      " << e->threads << '\n'
              << "Memory limit " << (e->memoryMb ? QStringLiteral("%1 MB").arg(e->memoryMb) : QStringLiteral("none")) << '\n';
        return Ok;
    }
    if (command == QLatin1String("keys")) {
        if (!onlyOptions(args, {QStringLiteral("regenerate")}) || pos.size() != 3)
            return fail(QString::fromLatin1(kUsage), Usage);
        if (args.has(QStringLiteral("regenerate"))) {
            const QString which = args.value(QStringLiteral("regenerate"));
            if (which != QLatin1String("primary") && which != QLatin1String("secondary"))
                return fail(QStringLiteral("--regenerate: primary or secondary, not '%1'").arg(which), Usage);
            auto key = store.regenerateKey(pos.at(2), which == QLatin1String("primary") ? EndpointStore::Key::Primary
                                                                                      : EndpointStore::Key::Secondary);
            if (!key)
                return fail(key.message());
        }
        auto e = store.get(pos.at(2));
        if (!e)
            return fail(e.message());
        if (!e->keyAuth)
            return fail(QStringLiteral("endpoint %1 has no keys: it was created with --auth none").arg(e->name));
        if (asJson)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("primary_key"), e->primaryKey},
                                                {QStringLiteral("secondary_key"), e->secondaryKey}}));
        else
            out() << "Primary key    " << e->primaryKey << '\n' << "Secondary key  " << e->secondaryKey << '\n';
        return Ok;
    }
    return fail(QString::fromLatin1(kUsage), Usage);
}

} // namespace stratus::cli
