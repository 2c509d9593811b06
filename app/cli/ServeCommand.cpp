#include "CliOutput.h"
#include "Commands.h"
#include "Signals.h"
#include "export/ModelPackage.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/Endpoint.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "serve/EndpointServer.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace stratus::cli {

namespace {

// The keys in FILE: one per line (primary, secondary), at least 16 characters.
Result<QList<QByteArray>> readKeys(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("--key-file: cannot read %1: %2").arg(path, f.errorString())};
    QList<QByteArray> keys;
    int line = 0;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        ++line;
        const QByteArray key = raw.trimmed();
        if (key.isEmpty())
            continue;
        if (key.size() < 16)
            return Error{QStringLiteral("%1:%2: a key has at least 16 characters").arg(path).arg(line)};
        keys << key;
    }
    if (keys.isEmpty())
        return Error{QStringLiteral("%1: no key in the file").arg(path)};
    return keys;
}

// Rereads the key file when it changes (a key was regenerated), so the
// endpoint takes the new keys without a restart.
void followKeyFile(serve::EndpointServer &server, const QString &path)
{
    auto *timer = new QTimer(&server);
    auto stamp = std::make_shared<QDateTime>(QFileInfo(path).lastModified());
    QObject::connect(timer, &QTimer::timeout, &server, [&server, path, stamp] {
        const QDateTime now = QFileInfo(path).lastModified();
        if (now == *stamp)
            return;
        *stamp = now;
        auto keys = readKeys(path);
        if (!keys) {
            err() << "stratus-cli: " << keys.message() << " (the previous keys stay)\n";
            return;
        }
        server.setKeys(*keys);
        out() << QDateTime::currentDateTime().toString(Qt::ISODate) << " keys reloaded from " << path << '\n';
        out().flush();
    });
    timer->start(1000);
}

// A registered model, as a forecaster or a fitted pipeline, with its resolved "name:version".
struct LoadedModel {
    std::shared_ptr<const ml::TrainedPipeline> pipeline;
    std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster;
    QString version;
};

Result<LoadedModel> loadModel(Workspace &ws, const QString &reference)
{
    LoadedModel m;
    auto resolved = ModelStore(ws).resolve(reference);
    if (!resolved)
        return resolved.error();
    m.version = resolved->reference();
    if (auto f = ml::forecasting::ForecastingModel::fromModel(ws, m.version); f) {
        m.forecaster = std::make_shared<const ml::forecasting::ForecastingModel>(std::move(*f));
    } else {
        auto loaded = ml::TrainedPipeline::fromModel(ws, m.version);
        if (!loaded)
            return loaded.error();
        m.pipeline = std::make_shared<const ml::TrainedPipeline>(std::move(*loaded));
    }
    return m;
}

// --endpoint: follows the endpoint's record; when a deployment points it at
// another model version, that version is loaded beside the serving one and
// takes the next request (EndpointServer::setScorer): no request fails.
void followEndpoint(serve::EndpointServer &server, Workspace &ws, const QString &name, const QString &serving, int maxRows)
{
    auto *timer = new QTimer(&server);
    auto current = std::make_shared<QString>(serving);
    QObject::connect(timer, &QTimer::timeout, &server, [&server, &ws, name, current, maxRows] {
        auto endpoint = EndpointStore(ws).get(name);
        if (!endpoint || endpoint->modelReference() == *current)
            return;
        const QString next = endpoint->modelReference();
        auto loaded = loadModel(ws, next);
        if (!loaded) {
            err() << "stratus-cli: the endpoint now names " << next << ", which cannot be loaded: " << loaded.message() << " (" << *current
                  << " keeps serving)\n";
            *current = next; // not again every second
            return;
        }
        server.setScorer(loaded->forecaster ? std::make_shared<const serve::Scorer>(loaded->forecaster, maxRows)
                                            : std::make_shared<const serve::Scorer>(loaded->pipeline, maxRows),
                         loaded->version);
        out() << QDateTime::currentDateTime().toString(Qt::ISODate) << " model switched from " << *current << " to " << loaded->version << '\n';
        out().flush();
        *current = next;
    });
    timer->start(1000);
}

// Every 10 s with traffic: one line of counters and latencies.
void logTraffic(serve::EndpointServer &server)
{
    auto *timer = new QTimer(&server);
    auto last = std::make_shared<qint64>(0);
    QObject::connect(timer, &QTimer::timeout, &server, [&server, last] {
        const serve::ServeStats s = server.stats();
        if (s.requests == *last)
            return;
        out() << QDateTime::currentDateTime().toString(Qt::ISODate) << " requests " << s.requests << " (+"
              << (s.requests - *last) << "), errors " << s.errors << ", latency p50 " << QString::number(s.p50Ms, 'f', 2)
              << " ms, p99 " << QString::number(s.p99Ms, 'f', 2) << " ms\n";
        out().flush();
        *last = s.requests;
    });
    timer->start(10000);
}

} // namespace

int serveCommand(Workspace *ws, const CliArgs &args);

namespace {

// `serve --endpoint NAME` without --model: the endpoint as its record has it.
int serveEndpoint(Workspace &ws, const CliArgs &args)
{
    auto e = EndpointStore(ws).get(args.value(QStringLiteral("endpoint")));
    if (!e)
        return fail(QStringLiteral("--endpoint: ") + e.message(), Usage);
    QStringList words{QStringLiteral("serve"), QStringLiteral("--model"), e->modelReference(), QStringLiteral("--host"), e->host,
                      QStringLiteral("--port"), QString::number(e->port), QStringLiteral("--threads"), QString::number(e->threads),
                      QStringLiteral("--endpoint"), e->name};
    if (e->keyAuth)
        words << QStringLiteral("--key") << e->primaryKey;
    else
        words << QStringLiteral("--auth") << QStringLiteral("none");
    CliArgs full;
    if (const QString problem = full.parse(words, OptionSpec{{QStringLiteral("model"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("threads"),
                                                              QStringLiteral("endpoint"), QStringLiteral("key"), QStringLiteral("auth")},
                                                             {}});
        !problem.isEmpty())
        return fail(problem, Usage);
    return serveCommand(&ws, full);
}

} // namespace

int serveCommand(Workspace *ws, const CliArgs &args)
{
    const QStringList allowed = {QStringLiteral("model"), QStringLiteral("package"), QStringLiteral("port"), QStringLiteral("host"),
                                 QStringLiteral("key"), QStringLiteral("key-file"), QStringLiteral("auth"), QStringLiteral("threads"),
                                 QStringLiteral("endpoint")};
    const QString usage = QStringLiteral("usage: serve (--model NAME[:V] | --package FILE) [--port P] [--host ADDR] [--key KEY | --key-file FILE | --auth none] [--threads N] [--endpoint NAME]");
    const int keyChoices = int(args.has(QStringLiteral("key"))) + int(args.has(QStringLiteral("key-file"))) + int(args.has(QStringLiteral("auth")));
    const bool fromPackage = args.has(QStringLiteral("package"));
    // serve --endpoint NAME alone: the endpoint's record gives the model, address and keys.
    const bool fromEndpoint = args.has(QStringLiteral("endpoint")) && !args.has(QStringLiteral("model")) && !fromPackage;
    if (fromEndpoint && ws)
        return serveEndpoint(*ws, args);
    if (!onlyOptions(args, allowed) || args.positionals().size() != 1 || args.has(QStringLiteral("model")) == fromPackage
        || keyChoices > 1 || (!fromPackage && !ws) || (fromPackage && args.has(QStringLiteral("endpoint"))))
        return fail(usage, Usage);
    serve::ServeOptions options;
    QString problem;
    if (args.has(QStringLiteral("port"))) {
        const int port = args.integer(QStringLiteral("port"), &problem).value_or(-1);
        if (port < 0 || port > 65535)
            return fail(QStringLiteral("--port: a port number from 0 to 65535, not '%1'").arg(args.value(QStringLiteral("port"))), Usage);
        options.port = quint16(port);
    }
    if (args.has(QStringLiteral("threads"))) {
        options.threads = args.integer(QStringLiteral("threads"), &problem).value_or(0);
        if (options.threads < 1 || options.threads > 256)
            return fail(QStringLiteral("--threads: from 1 to 256, not '%1'").arg(args.value(QStringLiteral("threads"))), Usage);
    }
    if (args.has(QStringLiteral("host"))) {
        if (!options.host.setAddress(args.value(QStringLiteral("host"))))
            return fail(QStringLiteral("--host: '%1' is not an IP address").arg(args.value(QStringLiteral("host"))), Usage);
        if (!options.host.isLoopback())
            err() << "stratus-cli: warning: serving on " << options.host.toString()
                  << ", which other machines can reach; keep the key secret\n";
    }
    bool generated = false;
    QList<QByteArray> fileKeys; // --key-file: the primary and secondary keys
    if (args.has(QStringLiteral("auth"))) {
        if (args.value(QStringLiteral("auth")) != QLatin1String("none"))
            return fail(QStringLiteral("--auth: the only value is 'none' (keys are on by default)"), Usage);
    } else if (args.has(QStringLiteral("key-file"))) {
        auto keys = readKeys(args.value(QStringLiteral("key-file")));
        if (!keys)
            return fail(keys.message(), Usage);
        fileKeys = *keys;
        options.key = fileKeys.first();
    } else if (args.has(QStringLiteral("key"))) {
        options.key = args.value(QStringLiteral("key")).toUtf8();
        if (options.key.size() < 16)
            return fail(QStringLiteral("--key: at least 16 characters"), Usage);
    } else {
        options.key = generateEndpointKey();
        generated = true;
    }
    std::shared_ptr<const ml::TrainedPipeline> pipeline;
    std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster;
    QString what = args.value(QStringLiteral("model"));
    if (fromPackage) {
        auto package = package::read(args.value(QStringLiteral("package")));
        if (!package)
            return fail(package.message());
        pipeline = package->fitted;
        forecaster = package->forecaster;
        what = QStringLiteral("%1 (package %2:%3)").arg(args.value(QStringLiteral("package")), package->name).arg(package->version);
    } else {
        auto loaded = loadModel(*ws, args.value(QStringLiteral("model")));
        if (!loaded)
            return fail(loaded.message());
        pipeline = loaded->pipeline;
        forecaster = loaded->forecaster;
        options.modelVersion = loaded->version;
    }
    auto made = forecaster ? std::make_unique<serve::EndpointServer>(forecaster, options)
                           : std::make_unique<serve::EndpointServer>(pipeline, options);
    serve::EndpointServer &server = *made;
    if (args.has(QStringLiteral("key-file"))) {
        server.setKeys(fileKeys);
        followKeyFile(server, args.value(QStringLiteral("key-file")));
    }
    if (args.has(QStringLiteral("endpoint"))) {
        auto endpoint = EndpointStore(*ws).get(args.value(QStringLiteral("endpoint")));
        if (!endpoint)
            return fail(QStringLiteral("--endpoint: ") + endpoint.message(), Usage);
        followEndpoint(server, *ws, endpoint->name, options.modelVersion, options.maxRows);
    }
    // Refused requests are logged one by one; the rest every 10 s.
    QObject::connect(&server, &serve::EndpointServer::requestRefused, &server, [](const QString &line) {
        out() << QDateTime::currentDateTime().toString(Qt::ISODate) << ' ' << line << '\n';
        out().flush();
    }, Qt::QueuedConnection);
    logTraffic(server);
    auto port = server.start();
    if (!port)
        return fail(port.message());
    out() << "Serving " << what << " (" << server.scorer()->algorithm() << ")\n"
          << "Scoring URI: " << server.scoringUri() << '\n'
          << "Swagger URI: " << server.baseUri() << "/swagger.json\n";
    if (generated)
        out() << "Key: " << options.key << '\n';
    else if (args.has(QStringLiteral("key-file")))
        out() << "Keys: from " << args.value(QStringLiteral("key-file")) << '\n';
    else if (options.key.isEmpty())
        out() << "Authentication: none\n";
    out().flush();
    quitOnSignals(&server);
    QCoreApplication::exec();
    out() << "Stopped.\n";
    return Ok;
}

} // namespace stratus::cli
