#include "CliOutput.h"
#include "Commands.h"
#include "EndpointServer.h"
#include "TrainedPipeline.h"
#include "Workspace.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace stratus::cli {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &c, 1);
}

// SIGINT and SIGTERM end the event loop (through a socket pair: a signal
// handler may only write).
void quitOnSignals(QObject *parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

} // namespace

int serveCommand(Workspace &ws, const CliArgs &args)
{
    const QStringList allowed = {QStringLiteral("model"), QStringLiteral("port"), QStringLiteral("host"),
                                 QStringLiteral("key"), QStringLiteral("auth"), QStringLiteral("threads")};
    const QString usage = QStringLiteral("usage: serve --model NAME[:V] [--port P] [--host ADDR] [--key KEY | --auth none] [--threads N]");
    if (!onlyOptions(args, allowed) || args.positionals().size() != 1 || !args.has(QStringLiteral("model"))
        || (args.has(QStringLiteral("key")) && args.has(QStringLiteral("auth"))))
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
    if (args.has(QStringLiteral("auth"))) {
        if (args.value(QStringLiteral("auth")) != QLatin1String("none"))
            return fail(QStringLiteral("--auth: the only value is 'none' (keys are on by default)"), Usage);
    } else if (args.has(QStringLiteral("key"))) {
        options.key = args.value(QStringLiteral("key")).toUtf8();
        if (options.key.size() < 16)
            return fail(QStringLiteral("--key: at least 16 characters"), Usage);
    } else {
        options.key = serve::EndpointServer::generateKey();
        generated = true;
    }
    auto pipeline = ml::TrainedPipeline::fromModel(ws, args.value(QStringLiteral("model")));
    if (!pipeline)
        return fail(pipeline.message());
    serve::EndpointServer server(std::make_shared<const ml::TrainedPipeline>(std::move(*pipeline)), options);
    auto port = server.start();
    if (!port)
        return fail(port.message());
    out() << "Serving " << args.value(QStringLiteral("model")) << " (" << server.scorer().pipeline().algorithm() << ")\n"
          << "Scoring URI: " << server.scoringUri() << '\n'
          << "Swagger URI: " << server.baseUri() << "/swagger.json\n";
    if (generated)
        out() << "Key: " << options.key << '\n';
    else if (options.key.isEmpty())
        out() << "Authentication: none\n";
    out().flush();
    quitOnSignals(&server);
    QCoreApplication::exec();
    out() << "Stopped.\n";
    return Ok;
}

} // namespace stratus::cli
