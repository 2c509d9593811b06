// Serving a registered model: the Scorer on every payload dialect and every
// bad request (no HTTP), then a real HTTP endpoint on 127.0.0.1 (keys, the
// size limit, health, swagger, metrics), then `stratus-cli serve` end to end
// on the shared heart-failure file: import, AutoML, register, serve, the
// lesson's request with the key.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/Endpoint.h"
#include "registry/ModelStore.h"
#include "serve/EndpointServer.h"
#include "serve/Scorer.h"
#include "TestSupport.h"
#include "TrainSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <csignal>

using namespace stratus;
using serve::Scorer;

namespace {

const char *kLessonRow =
    R"({"age":"60","anaemia":"false","creatinine_phosphokinase":"500","diabetes":"false","ejection_fraction":"38",)"
    R"("high_blood_pressure":"false","platelets":"260000","serum_creatinine":"1.1","serum_sodium":"137","sex":"true",)"
    R"("smoking":"false","time":"200"})";

QByteArray lessonRequest()
{
    return QByteArray(R"({"data":[)") + kLessonRow + "]}";
}

// A model of the sample dataset, registered as "heart".
std::shared_ptr<const ml::TrainedPipeline> trainSample(Workspace &ws)
{
    if (!registerSampleDataset(ws))
        qFatal("no sample dataset");
    if (Status trained = testing::trainAndRegister(ws, testing::quickConfig(QString::fromLatin1(kSampleDatasetName)), QStringLiteral("heart")); !trained)
        qFatal("no model: %s", qPrintable(trained.message()));
    return std::make_shared<const ml::TrainedPipeline>(*ml::TrainedPipeline::fromModel(ws, QStringLiteral("heart")));
}

QJsonObject parse(const serve::ScoreResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

struct Http {
    int status = 0;
    QByteArray body;
};

Http send(QNetworkAccessManager &net, const QString &url, const QByteArray &body, const QByteArray &key = {},
          const QByteArray &type = "application/json")
{
    QNetworkRequest request{QUrl(url)};
    if (!type.isEmpty())
        request.setRawHeader("Content-Type", type);
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    QNetworkReply *reply = body.isNull() ? net.get(request) : net.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(20000);
    Http h{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return h;
}

} // namespace

class TestServe : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::shared_ptr<const ml::TrainedPipeline> m_pipeline;

private slots:
    void initTestCase()
    {
        m_ws = testing::newWorkspace(m_dir);
        m_pipeline = trainSample(*m_ws);
        QCOMPARE(m_pipeline->inputColumns().size(), 12);
    }

    void everyDialectGivesTheSamePrediction()
    {
        Scorer scorer(m_pipeline);
        const QJsonObject v1 = parse(scorer.score(Scorer::Route::Score, lessonRequest(), "application/json"));
        QVERIFY(v1.value(QStringLiteral("result")).toArray().at(0).isBool()); // {"result":[false]}, as in the lesson
        const QJsonValue answer = v1.value(QStringLiteral("result")).toArray().at(0);
        const QByteArray row = kLessonRow;
        const QByteArray v2 = QByteArray(R"({"Inputs":{"data":[)") + row + R"(]},"GlobalParameters":{"method":"predict"}})";
        QCOMPARE(parse(scorer.score(Scorer::Route::Score, v2, "application/json")).value(QStringLiteral("Results")).toArray().at(0), answer);
        const QByteArray records = QByteArray(R"({"dataframe_records":[)") + row + "]}";
        QCOMPARE(parse(scorer.score(Scorer::Route::Invocations, records, "application/json")).value(QStringLiteral("predictions")).toArray().at(0), answer);
        const QByteArray split = R"({"dataframe_split":{"columns":["age","anaemia","creatinine_phosphokinase","diabetes",)"
                                 R"("ejection_fraction","high_blood_pressure","platelets","serum_creatinine","serum_sodium","sex",)"
                                 R"("smoking","time"],"data":[[60,false,500,false,38,false,260000,1.1,137,true,false,200]]}})";
        QCOMPARE(parse(scorer.score(Scorer::Route::Invocations, split, "application/json")).value(QStringLiteral("predictions")).toArray().at(0), answer);
        const QByteArray instances = QByteArray(R"({"instances":[)") + row + "]}";
        QCOMPARE(parse(scorer.score(Scorer::Route::Invocations, instances, "application/json")).value(QStringLiteral("predictions")).toArray().at(0), answer);
        const QByteArray inputs = R"({"inputs":{"age":[60],"anaemia":[0],"creatinine_phosphokinase":[500],"diabetes":["no"],)"
                                  R"("ejection_fraction":[38],"high_blood_pressure":["false"],"platelets":[260000],)"
                                  R"("serum_creatinine":[1.1],"serum_sodium":[137],"sex":[1],"smoking":[false],"time":[200]}})";
        QCOMPARE(parse(scorer.score(Scorer::Route::Invocations, inputs, "application/json")).value(QStringLiteral("predictions")).toArray().at(0), answer);
        const QByteArray csv = "age,anaemia,creatinine_phosphokinase,diabetes,ejection_fraction,high_blood_pressure,platelets,"
                               "serum_creatinine,serum_sodium,sex,smoking,time\n60,false,500,false,38,false,260000,1.1,137,true,false,200\n";
        QCOMPARE(parse(scorer.score(Scorer::Route::Invocations, csv, "text/csv")).value(QStringLiteral("predictions")).toArray().at(0), answer);
        // predict_proba: the classes' probabilities, summing to 1, the larger one the answer.
        const QByteArray proba = QByteArray(R"({"method":"predict_proba","data":[)") + row + "]}";
        const QJsonArray p = parse(scorer.score(Scorer::Route::Score, proba, "application/json")).value(QStringLiteral("result")).toArray().at(0).toArray();
        QCOMPARE(p.size(), 2);
        QVERIFY(std::abs(p[0].toDouble() + p[1].toDouble() - 1) < 1e-9);
        QCOMPARE(p[1].toDouble() > p[0].toDouble(), answer.toBool());
        // Several rows, and none.
        const QByteArray three = QByteArray(R"({"data":[)") + row + "," + row + "," + row + "]}";
        QCOMPARE(parse(scorer.score(Scorer::Route::Score, three, "application/json")).value(QStringLiteral("result")).toArray().size(), 3);
        QCOMPARE(scorer.score(Scorer::Route::Score, R"({"data":[]})", "application/json").body, QByteArray(R"({"result":[]})"));
        // The sample row of the OpenAPI document scores too.
        const QByteArray sample = QJsonDocument(scorer.sampleRequest()).toJson();
        QCOMPARE(scorer.score(Scorer::Route::Score, sample, "application/json").status, 200);
    }

    void badRequests_data()
    {
        QTest::addColumn<int>("route");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QByteArray row = kLessonRow;
        auto with = [&](const char *from, const char *to) { return QByteArray(R"({"data":[)") + QByteArray(row).replace(from, to) + "]}"; };
        QTest::newRow("invalid JSON") << 0 << QByteArray(R"({"data":[)") << QByteArray("application/json") << 400 << QString() << "invalid JSON";
        QTest::newRow("not an object") << 0 << QByteArray("[1,2]") << QByteArray("application/json") << 400 << QString() << "JSON object";
        QTest::newRow("no data") << 0 << QByteArray(R"({"rows":[]})") << QByteArray("application/json") << 400 << QString() << "needs \"data\"";
        QTest::newRow("data not a list") << 0 << QByteArray(R"({"data":{"age":1}})") << QByteArray("application/json") << 400 << "data" << "list of rows";
        QTest::newRow("row not an object") << 0 << QByteArray(R"({"data":[[1,2]]})") << QByteArray("application/json") << 400 << "data[0]" << "must be an object";
        QTest::newRow("unknown column") << 0 << with("\"time\"", "\"tme\"") << QByteArray("application/json") << 400 << "data[0].tme" << "unknown column 'tme'";
        QTest::newRow("missing column") << 0 << with(R"(,"smoking":"false")", "") << QByteArray("application/json") << 400 << "data[0].smoking" << "missing column 'smoking'";
        QTest::newRow("not a number") << 0 << with(R"("age":"60")", R"("age":"sixty")") << QByteArray("application/json") << 400 << "data[0].age" << "\"sixty\" is not a number";
        QTest::newRow("not a boolean") << 0 << with(R"("sex":"true")", R"("sex":"maybe")") << QByteArray("application/json") << 400 << "data[0].sex" << "not a boolean";
        QTest::newRow("boolean 2") << 0 << with(R"("sex":"true")", R"("sex":2)") << QByteArray("application/json") << 400 << "data[0].sex" << "not a boolean";
        QTest::newRow("object value") << 0 << with(R"("age":"60")", R"("age":{"v":1})") << QByteArray("application/json") << 400 << "data[0].age" << "an object";
        QTest::newRow("bad method") << 0 << QByteArray(R"({"method":"explain","data":[]})") << QByteArray("application/json") << 400 << "method" << "predict_proba";
        QTest::newRow("wrong content type") << 0 << lessonRequest() << QByteArray("text/plain") << 415 << QString() << "must be JSON";
        QTest::newRow("v2 without data") << 0 << QByteArray(R"({"Inputs":[]})") << QByteArray("application/json") << 400 << "Inputs" << "\"Inputs\" must be";
        QTest::newRow("mlflow: none of the keys") << 1 << QByteArray(R"({"rows":[]})") << QByteArray("application/json") << 400 << QString() << "exactly one of";
        QTest::newRow("mlflow: two keys") << 1 << QByteArray(R"({"instances":[],"inputs":[]})") << QByteArray("application/json") << 400 << QString() << "it has instances, inputs";
        QTest::newRow("mlflow: split without columns") << 1 << QByteArray(R"({"dataframe_split":{"data":[]}})") << QByteArray("application/json") << 400 << "dataframe_split" << "\"columns\"";
        QTest::newRow("mlflow: split unknown column") << 1 << QByteArray(R"({"dataframe_split":{"columns":["x"],"data":[]}})") << QByteArray("application/json") << 400 << "dataframe_split.columns[0]" << "unknown column 'x'";
        QTest::newRow("mlflow: short row") << 1
            << QByteArray(R"({"instances":[[1,2,3]]})") << QByteArray("application/json") << 400 << "instances[0]" << "list of 12 values";
        QTest::newRow("mlflow: ragged inputs") << 1 << QByteArray(R"({"inputs":{"age":[1,2],"sex":[1]}})") << QByteArray("application/json") << 400 << "inputs.sex" << "same length";
        QTest::newRow("mlflow: csv missing column") << 1 << QByteArray("age,sex\n60,true\n") << QByteArray("text/csv") << 400 << "csv" << "missing column";
        QTest::newRow("mlflow: xml") << 1 << QByteArray("<rows/>") << QByteArray("application/xml") << 415 << QString() << "JSON (application/json) or CSV";
    }

    void badRequests()
    {
        QFETCH(int, route);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, message);
        Scorer scorer(m_pipeline);
        const serve::ScoreResponse r = scorer.score(route == 0 ? Scorer::Route::Score : Scorer::Route::Invocations, body, type);
        QCOMPARE(r.status, status);
        const QJsonObject o = parse(r);
        QVERIFY2(o.value(QStringLiteral("error")).toString().contains(message), r.body.constData());
        QCOMPARE(o.value(QStringLiteral("field")).toString(), field);
    }

    void tooManyRows()
    {
        Scorer scorer(m_pipeline, 2);
        const QByteArray row = kLessonRow;
        const serve::ScoreResponse r = scorer.score(Scorer::Route::Score, QByteArray(R"({"data":[)") + row + "," + row + "," + row + "]}", "");
        QCOMPARE(r.status, 413);
        QVERIFY(parse(r).value(QStringLiteral("error")).toString().contains(QStringLiteral("too many rows: 3 (at most 2")));
    }

    void liveEndpoint()
    {
        serve::ServeOptions options;
        options.key = generateEndpointKey();
        options.maxBodyBytes = 64 * 1024;
        serve::EndpointServer server(m_pipeline, options);
        auto port = server.start();
        QVERIFY2(port.ok(), qPrintable(port.message()));
        QVERIFY(server.scoringUri().startsWith(QStringLiteral("http://127.0.0.1:")));
        QNetworkAccessManager net;
        const QString base = server.baseUri() + QLatin1Char('/');
        Http h = send(net, server.scoringUri(), lessonRequest(), options.key);
        QCOMPARE(h.status, 200);
        QVERIFY(QJsonDocument::fromJson(h.body).object().value(QStringLiteral("result")).toArray().at(0).isBool());
        // Keys: none, a wrong one, a wrong scheme: 401.
        QCOMPARE(send(net, server.scoringUri(), lessonRequest()).status, 401);
        QCOMPARE(send(net, server.scoringUri(), lessonRequest(), (options.key.startsWith('x') ? "y" : "x") + options.key.mid(1)).status, 401);
        QCOMPARE(send(net, base + QStringLiteral("invocations"), R"({"instances":[]})", "short").status, 401);
        // Bad requests are refused and the service keeps serving.
        h = send(net, server.scoringUri(), R"({"data":[{"age":"sixty"}]})", options.key);
        QCOMPARE(h.status, 400);
        QVERIFY(h.body.contains("data[0].age"));
        QCOMPARE(send(net, server.scoringUri(), QByteArray(100 * 1024, ' '), options.key).status, 413);
        QCOMPARE(send(net, server.scoringUri(), "{}", options.key, "text/plain").status, 415);
        QCOMPARE(send(net, server.scoringUri(), lessonRequest(), options.key).status, 200);
        // Health, the OpenAPI document (with the key scheme and the sample), metrics.
        h = send(net, base + QStringLiteral("health"), QByteArray());
        QCOMPARE(QJsonDocument::fromJson(h.body).object().value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
        h = send(net, base + QStringLiteral("swagger.json"), QByteArray());
        const QJsonObject api = QJsonDocument::fromJson(h.body).object();
        QCOMPARE(api.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        const QJsonObject scoreOp = api.value(QStringLiteral("paths")).toObject().value(QStringLiteral("/score")).toObject().value(QStringLiteral("post")).toObject();
        const QJsonObject content = scoreOp.value(QStringLiteral("requestBody")).toObject().value(QStringLiteral("content")).toObject()
                                        .value(QStringLiteral("application/json")).toObject();
        const QJsonObject row = content.value(QStringLiteral("schema")).toObject().value(QStringLiteral("properties")).toObject()
                                    .value(QStringLiteral("data")).toObject().value(QStringLiteral("items")).toObject();
        // The 12 columns the model reads are required; the label is accepted, not used.
        QCOMPARE(row.value(QStringLiteral("properties")).toObject().size(), 13);
        QCOMPARE(row.value(QStringLiteral("required")).toArray().size(), 12);
        QVERIFY(!row.value(QStringLiteral("required")).toArray().contains(QStringLiteral("DEATH_EVENT")));
        QVERIFY(api.value(QStringLiteral("info")).toObject().value(QStringLiteral("description")).toString().contains(QStringLiteral("ISO 8601")));
        QVERIFY(content.value(QStringLiteral("example")).toObject().contains(QStringLiteral("data")));
        QVERIFY(api.contains(QStringLiteral("security")));
        h = send(net, base + QStringLiteral("metrics"), QByteArray());
        const QJsonObject metrics = QJsonDocument::fromJson(h.body).object();
        QCOMPARE(metrics.value(QStringLiteral("requests")).toInt(), 8);
        QCOMPARE(metrics.value(QStringLiteral("errors")).toInt(), 6);
        QVERIFY(metrics.value(QStringLiteral("latency_p99_ms")).toDouble() > 0);
    }

    void cliServesTheLessonEndToEnd()
    {
        REQUIRE_SHARED_DATA();
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("lesson.stratus"));
        RegisterRequest request;
        request.name = QStringLiteral("heart-failure");
        QVERIFY(importDataset(*ws, testing::sharedHeartFailureCsv(), {}, request).ok());
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("heart-failure"), {}, 6);
        c.crossValidations = 0; // Azure's rule
        c.votingEnsemble = c.stackEnsemble = true;
        const Status trained = testing::trainAndRegister(*ws, c, QStringLiteral("heart-failure-model"));
        QVERIFY2(trained.ok(), qPrintable(trained.message()));
        const QString path = ws->path();
        ws.reset();

        QProcess serve;
        serve.start(QStringLiteral(STRATUS_CLI), {QStringLiteral("--workspace"), path, QStringLiteral("serve"), QStringLiteral("--model"),
                                                  QStringLiteral("heart-failure-model:1")});
        QVERIFY(serve.waitForStarted());
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += serve.readAllStandardOutput()).contains("Key: "), 20000);
        const QString uri = QString::fromUtf8(printed).section(QStringLiteral("Scoring URI: "), 1).section(QLatin1Char('\n'), 0, 0);
        const QByteArray key = printed.mid(printed.indexOf("Key: ") + 5).split('\n').first();
        QVERIFY2(uri.startsWith(QStringLiteral("http://127.0.0.1:")) && uri.endsWith(QStringLiteral("/score")), printed.constData());
        QCOMPARE(key.size(), 32);
        QNetworkAccessManager net;
        const Http h = send(net, uri, lessonRequest(), key);
        QCOMPARE(h.status, 200);
        const QJsonArray result = QJsonDocument::fromJson(h.body).object().value(QStringLiteral("result")).toArray();
        QCOMPARE(result.size(), 1);
        QVERIFY(result.at(0).isBool());
        qInfo("the lesson's request answered %s", h.body.constData());
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
        QVERIFY(serve.readAllStandardOutput().contains("Stopped."));
    }
};

QTEST_MAIN(TestServe)
#include "tst_serve.moc"
