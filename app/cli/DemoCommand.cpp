// stratus-cli demo: the lesson end to end, headless, on the workspace's
// sample dataset: AutoML (a short budget), register the recommended model, deploy
// it as an endpoint (its own process, supervised), send the lesson's request
// with the key, print the answer, and tear the endpoint down.
#include "CliOutput.h"
#include "Commands.h"
#include "data/import/SampleData.h"
#include "data/store/DatasetStore.h"
#include "ml/automl/AutoMLRun.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "serve/EndpointSupervisor.h"
#include "serve/Scorer.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace stratus::cli {

namespace {

// The lesson's request, exactly (serve::Scorer::lessonRow).
QByteArray lessonRequest()
{
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), QJsonArray{serve::Scorer::lessonRow()}}}).toJson(QJsonDocument::Compact);
}

void step(int n, const QString &text)
{
    out() << '\n' << n << ". " << text << '\n';
    out().flush();
}

// Runs the event loop until `done` or `ms` pass; false on timeout.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

int demoCommand(Workspace &ws, const CliArgs &args)
{
    if (!onlyOptions(args, {QStringLiteral("budget-seconds")}) || args.positionals().size() != 1)
        return fail(QStringLiteral("usage: demo [--budget-seconds S]"), Usage);
    QString problem;
    const int budget = args.has(QStringLiteral("budget-seconds")) ? args.integer(QStringLiteral("budget-seconds"), &problem).value_or(0) : 15;
    if (budget < 5 || budget > 3600)
        return fail(QStringLiteral("--budget-seconds: from 5 to 3600"), Usage);
    const QString dataset = QString::fromLatin1(kSampleDatasetName);
    out() << "Stratus demo: the lesson end to end on " << ws.path() << '\n';

    step(1, QStringLiteral("Dataset"));
    if (!DatasetStore(ws).resolve(dataset))
        if (Status s = registerSampleDataset(ws); !s)
            return fail(s.message());
    out() << "   " << dataset << " (" << kSampleRows << " synthetic heart-failure records, label DEATH_EVENT)\n";

    step(2, QStringLiteral("Automated ML: classification, primary metric AUC_weighted, %1 s").arg(budget));
    ml::AutoMLConfig config;
    config.dataset = dataset;
    config.label = QStringLiteral("DEATH_EVENT");
    config.experiment = QStringLiteral("demo");
    config.experimentTimeoutSeconds = budget;
    config.seed = 1;
    ml::AutoMLRun run(ws, config);
    int trials = 0;
    QObject::connect(&run, &ml::AutoMLRun::trialFinished, &run, [&trials](const ml::TrialResult &t) {
        ++trials;
        const auto score = t.metrics.constFind(QStringLiteral("AUC_weighted"));
        out() << "   trial " << qSetFieldWidth(3) << t.index << qSetFieldWidth(0) << "  " << qSetFieldWidth(20) << Qt::left
              << t.algorithm << qSetFieldWidth(0) << Qt::right << "  "
              << (score == t.metrics.constEnd() ? runStatusName(t.status) : QString::number(*score, 'f', 4)) << '\n';
        out().flush();
    });
    QString status;
    QObject::connect(&run, &ml::AutoMLRun::finished, &run, [&status](const QString &s) { status = s; });
    if (auto started = run.start(); !started)
        return fail(started.message());
    waitFor([&] { return !status.isEmpty(); }, (budget + 300) * 1000);
    if (status != QLatin1String("Completed"))
        return fail(QStringLiteral("the AutoML run %1 ended %2").arg(run.parentId(), status.isEmpty() ? QStringLiteral("late") : status));

    step(3, QStringLiteral("Register the recommended model"));
    auto model = ModelStore(ws).registerModel(run.parentId(), QStringLiteral("demo-heart-failure"),
                                              QStringLiteral("The best model of stratus-cli demo"));
    if (!model)
        return fail(model.message());
    out() << "   " << model->reference() << ": " << model->properties.value(QStringLiteral("algorithm")).toString()
          << ", AUC_weighted "
          << QString::number(model->properties.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("AUC_weighted")).toDouble(), 'f', 4)
          << " (" << trials << " trials)\n";

    step(4, QStringLiteral("Deploy it as an endpoint (its own process, key authentication)"));
    const QString name = QStringLiteral("demo-endpoint");
    serve::EndpointSupervisor supervisor(ws);
    if (EndpointStore(ws).get(name)) // left by an interrupted demo
        (void)supervisor.remove(name);
    EndpointRequest request;
    request.name = name;
    request.model = model->reference();
    request.threads = 2;
    auto endpoint = EndpointStore(ws).create(request);
    if (!endpoint)
        return fail(endpoint.message());
    QElapsedTimer deploy;
    deploy.start();
    EndpointState state = EndpointState::Stopped;
    QString reason;
    QObject::connect(&supervisor, &serve::EndpointSupervisor::stateChanged, &supervisor,
                     [&](const QString &, EndpointState s, const QString &why) {
                         state = s;
                         reason = why;
                         out() << "   " << endpointStateName(s) << (why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)) << '\n';
                         out().flush();
                     });
    if (Status s = supervisor.start(name); !s)
        return fail(s.message());
    waitFor([&] { return state == EndpointState::Healthy || state == EndpointState::Failed; }, 60000);
    if (state != EndpointState::Healthy) {
        (void)supervisor.remove(name);
        return fail(QStringLiteral("the endpoint did not become healthy: %1").arg(reason));
    }
    out() << "   Scoring URI: " << endpoint->scoringUri() << "  (healthy after " << deploy.elapsed() << " ms)\n"
          << "   Swagger URI: " << endpoint->swaggerUri() << '\n';

    step(5, QStringLiteral("Consume it: the lesson's request, with the key"));
    out() << "   POST " << endpoint->scoringUri() << "\n   Authorization: Bearer " << endpoint->primaryKey.left(6) << "...\n   "
          << lessonRequest() << '\n';
    QNetworkAccessManager net;
    QNetworkRequest post{QUrl(endpoint->scoringUri())};
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    post.setRawHeader("Authorization", "Bearer " + endpoint->primaryKey.toLatin1());
    QNetworkReply *reply = net.post(post, QByteArray(lessonRequest()));
    waitFor([reply] { return reply->isFinished(); }, 10000);
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    out() << "   -> HTTP " << code << ' ' << answer << '\n';

    step(6, QStringLiteral("Tear the endpoint down"));
    if (Status s = supervisor.remove(name); !s)
        return fail(s.message());
    out() << "   " << name << " stopped and deleted; the model " << model->reference() << " stays registered.\n";
    return code == 200 && answer.startsWith("{\"result\":[") ? Ok : Failed;
}

} // namespace stratus::cli
