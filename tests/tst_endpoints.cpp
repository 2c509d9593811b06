// Endpoints as a user deploys them: the record (every field checked, with
// the field named), the supervised process (Transitioning -> Healthy; both
// keys; a regenerated key taken without a restart; killed -> Unhealthy ->
// restarted -> Healthy; a port in use -> the reason, then Failed after five
// tries; over its memory limit -> restarted; stopped; restored when
// the workspace is opened again), the Consume snippets (curl, Python
// requests, C++ with Qt) run against a live endpoint, the lesson end to end
// on the shared heart-failure file, and `stratus-cli demo`.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "serve/EndpointSupervisor.h"
#include "serve/Snippets.h"
#include "TestSupport.h"
#include "TrainSupport.h"
#include "workspace/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <csignal>

using namespace stratus;
using serve::EndpointSupervisor;

namespace {

const QByteArray kLessonRequest =
    R"({"data":[{"age":"60","anaemia":"false","creatinine_phosphokinase":"500","diabetes":"false","ejection_fraction":"38",)"
    R"("high_blood_pressure":"false","platelets":"260000","serum_creatinine":"1.1","serum_sodium":"137","sex":"true",)"
    R"("smoking":"false","time":"200"}]})";

struct Http {
    int status = 0;
    QByteArray body;
};

Http post(const QString &url, const QByteArray &body, const QString &key = {})
{
    QNetworkAccessManager net;
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Content-Type", "application/json");
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toLatin1());
    QNetworkReply *reply = net.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    Http h{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return h;
}

} // namespace

class TestEndpoints : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;

    Endpoint deploy(const QString &name, int port = 0)
    {
        EndpointRequest r;
        r.name = name;
        r.model = QStringLiteral("heart");
        r.port = port;
        r.threads = 2;
        auto e = EndpointStore(*m_ws).create(r);
        if (!e)
            qFatal("%s", qPrintable(e.message()));
        return *e;
    }

private slots:
    void initTestCase()
    {
        m_ws = testing::newWorkspace(m_dir);
        QVERIFY(registerSampleDataset(*m_ws).ok());
        const Status trained = testing::trainAndRegister(*m_ws, testing::quickConfig(QString::fromLatin1(kSampleDatasetName)), QStringLiteral("heart"));
        QVERIFY2(trained.ok(), qPrintable(trained.message()));
        QVERIFY2(!EndpointSupervisor::locateCli().isEmpty() || QFile::exists(QStringLiteral(STRATUS_CLI)), "no stratus-cli");
    }

    void createChecksEveryField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("memory");
        QTest::addColumn<QString>("message");
        const QString m = QStringLiteral("heart");
        const QString h = QStringLiteral("127.0.0.1");
        QTest::newRow("starts with a digit") << "1heart" << m << h << 0 << 1 << 0 << "endpoint name";
        QTest::newRow("too short") << "ab" << m << h << 0 << 1 << 0 << "3 to 32 characters";
        QTest::newRow("too long") << QString(33, QLatin1Char('a')) << m << h << 0 << 1 << 0 << "3 to 32 characters";
        QTest::newRow("underscore") << "heart_ep" << m << h << 0 << 1 << 0 << "hyphens";
        QTest::newRow("unknown model") << "heart-ep" << "nothing" << h << 0 << 1 << 0 << "model:";
        QTest::newRow("unknown version") << "heart-ep" << "heart:9" << h << 0 << 1 << 0 << "model:";
        QTest::newRow("host") << "heart-ep" << m << "localhost:80" << 0 << 1 << 0 << "host:";
        QTest::newRow("port") << "heart-ep" << m << h << 70000 << 1 << 0 << "port:";
        QTest::newRow("threads") << "heart-ep" << m << h << 0 << 0 << 0 << "threads:";
        QTest::newRow("memory") << "heart-ep" << m << h << 0 << 1 << 10 << "memory:";
    }

    void createChecksEveryField()
    {
        QFETCH(QString, name);
        QFETCH(QString, model);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, threads);
        QFETCH(int, memory);
        QFETCH(QString, message);
        EndpointRequest r{name, model, {}, {}, host, port, true, threads, memory};
        auto e = EndpointStore(*m_ws).create(r);
        QVERIFY(!e);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY(EndpointStore(*m_ws).list()->isEmpty()); // nothing half-written
    }

    void createGivesKeysAndAStablePort()
    {
        const Endpoint e = deploy(QStringLiteral("keys-ep"));
        QVERIFY(e.port > 0);
        QCOMPARE(e.primaryKey.size(), 32);
        QCOMPARE(e.secondaryKey.size(), 32);
        QVERIFY(e.primaryKey != e.secondaryKey);
        QVERIFY(e.scoringUri().startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(e.state, EndpointState::Stopped);
        EndpointRequest same;
        same.name = QStringLiteral("KEYS-EP");
        same.model = QStringLiteral("heart");
        auto again = EndpointStore(*m_ws).create(same);
        QVERIFY(!again && again.message().contains(QStringLiteral("exists")));
        // The model it serves cannot be deleted from under it.
        auto removed = ModelStore(*m_ws).remove(QStringLiteral("heart:1"));
        QVERIFY(!removed && removed.message().contains(QStringLiteral("keys-ep")));
        QVERIFY(EndpointStore(*m_ws).remove(QStringLiteral("keys-ep")).ok());
    }

    void supervisedLifecycle()
    {
        Endpoint e = deploy(QStringLiteral("heart-ep"));
        EndpointSupervisor supervisor(*m_ws, QStringLiteral(STRATUS_CLI));
        QSignalSpy states(&supervisor, &EndpointSupervisor::stateChanged);
        QVERIFY(supervisor.start(e.name).ok());
        QCOMPARE(states.first().at(1).value<EndpointState>(), EndpointState::Transitioning);
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Healthy, 20000);
        QVERIFY(EndpointStore(*m_ws).get(e.name)->shouldRun);

        // Both keys work; none, or a wrong one, is a 401.
        Http h = post(e.scoringUri(), kLessonRequest, e.primaryKey);
        QCOMPARE(h.status, 200);
        QVERIFY(QJsonDocument::fromJson(h.body).object().value(QStringLiteral("result")).toArray().at(0).isBool());
        QCOMPARE(post(e.scoringUri(), kLessonRequest, e.secondaryKey).status, 200);
        QCOMPARE(post(e.scoringUri(), kLessonRequest).status, 401);

        // A regenerated primary key is taken without a restart; the old one is refused.
        const qint64 pid = supervisor.processId(e.name);
        auto fresh = EndpointStore(*m_ws).regenerateKey(e.name, EndpointStore::Key::Primary);
        QVERIFY(fresh.ok());
        QVERIFY(supervisor.refreshKeys(e.name).ok());
        QTRY_COMPARE_WITH_TIMEOUT(post(e.scoringUri(), kLessonRequest, *fresh).status, 200, 5000);
        QCOMPARE(post(e.scoringUri(), kLessonRequest, e.primaryKey).status, 401);
        QCOMPARE(supervisor.processId(e.name), pid);

        // Monitoring: samples with the requests counted.
        QTRY_VERIFY_WITH_TIMEOUT(!supervisor.history(e.name).isEmpty() && supervisor.history(e.name).last().requests >= 5, 5000);
        QVERIFY(supervisor.history(e.name).last().residentMb > 1);

        // Killed: Unhealthy with the reason, restarted, Healthy again.
        states.clear();
        ::kill(pid_t(pid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state == EndpointState::Unhealthy, 5000);
        QVERIFY2(EndpointStore(*m_ws).get(e.name)->stateReason.contains(QStringLiteral("exited")),
                 qPrintable(EndpointStore(*m_ws).get(e.name)->stateReason));
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Healthy, 20000);
        QVERIFY(supervisor.processId(e.name) != pid);
        QCOMPARE(post(e.scoringUri(), kLessonRequest, *fresh).status, 200);
        const QString log = supervisor.log(e.name);
        QCOMPARE(log.count(QStringLiteral("starting: stratus-cli serve")), 2);
        QVERIFY(log.contains(QStringLiteral("Scoring URI: ") + e.scoringUri()));
        QVERIFY2(!log.contains(*fresh) && !log.contains(e.secondaryKey), "keys must not be logged");

        // Stopped: the port is closed and the wish recorded.
        QVERIFY(supervisor.stop(e.name).ok());
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Stopped, 5000);
        QVERIFY(!EndpointStore(*m_ws).get(e.name)->shouldRun);
        QCOMPARE(post(e.scoringUri(), kLessonRequest, *fresh).status, 0);
    }

    void restoredWhenTheWorkspaceOpensAgain()
    {
        const Endpoint e = *EndpointStore(*m_ws).get(QStringLiteral("heart-ep"));
        {
            EndpointSupervisor first(*m_ws, QStringLiteral(STRATUS_CLI));
            QVERIFY(first.start(e.name).ok());
            QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Healthy, 20000);
        } // the studio closes: the process ends, the wish to run stays
        QCOMPARE(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Stopped);
        QVERIFY(EndpointStore(*m_ws).get(e.name)->shouldRun);
        QCOMPARE(post(e.scoringUri(), kLessonRequest, e.secondaryKey).status, 0);

        EndpointSupervisor second(*m_ws, QStringLiteral(STRATUS_CLI));
        second.restoreAll();
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Healthy, 20000);
        QCOMPARE(post(e.scoringUri(), kLessonRequest, e.secondaryKey).status, 200);
        QVERIFY(second.remove(e.name).ok());
        QVERIFY(!EndpointStore(*m_ws).get(e.name));
    }

    void portInUseIsTheReason()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const Endpoint e = deploy(QStringLiteral("busy-ep"), squatter.serverPort());
        EndpointSupervisor supervisor(*m_ws, QStringLiteral(STRATUS_CLI));
        QVERIFY(supervisor.start(e.name).ok());
        QTRY_VERIFY_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state == EndpointState::Unhealthy, 10000);
        const QString reason = EndpointStore(*m_ws).get(e.name)->stateReason;
        QVERIFY2(reason.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(e.port)), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("restarting in 1 s")), qPrintable(reason));
        // Restarted after 1, 2, 4 and 8 s, it fails each time: Failed, with the reason, and left alone.
        QTRY_VERIFY_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state == EndpointState::Failed, 40000);
        const QString failed = EndpointStore(*m_ws).get(e.name)->stateReason;
        QVERIFY2(failed.contains(QStringLiteral("failed 5 times in a row")) && failed.contains(QStringLiteral("cannot listen")),
                 qPrintable(failed));
        QVERIFY(!supervisor.isRunning(e.name));
        QCOMPARE(supervisor.log(e.name).count(QStringLiteral("starting: stratus-cli serve")), 5);
        QVERIFY(supervisor.remove(e.name).ok());
    }

    void overItsMemoryLimitIsRestarted()
    {
        const Endpoint e = deploy(QStringLiteral("small-ep"));
        // Below what create() allows, so that any process is over it.
        QVERIFY(sql::run(m_ws->connection(), QStringLiteral("UPDATE endpoints SET settings = ? WHERE name = ?"),
                         {QStringLiteral("{\"threads\": 1, \"memory_mb\": 1}"), e.name})
                    .ok());
        EndpointSupervisor supervisor(*m_ws, QStringLiteral(STRATUS_CLI));
        QVERIFY(supervisor.start(e.name).ok());
        QTRY_VERIFY_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state == EndpointState::Unhealthy, 10000);
        const QString reason = EndpointStore(*m_ws).get(e.name)->stateReason;
        QVERIFY2(reason.contains(QStringLiteral("over its limit of 1 MB")) && reason.contains(QStringLiteral("restarting")),
                 qPrintable(reason));
        QVERIFY(supervisor.remove(e.name).ok());
    }

    void snippetsWorkAgainstALiveEndpoint_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("curl") << "curl";
        QTest::newRow("python") << "python";
        QTest::newRow("c++ qt") << "cpp";
    }

    void snippetsWorkAgainstALiveEndpoint()
    {
        QFETCH(QString, language);
        const Endpoint e = deploy(QStringLiteral("snippet-ep"));
        EndpointSupervisor supervisor(*m_ws, QStringLiteral(STRATUS_CLI));
        QVERIFY(supervisor.start(e.name).ok());
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e.name)->state, EndpointState::Healthy, 20000);
        QProcess run;
        run.setWorkingDirectory(m_dir.path());
        if (language == QLatin1String("curl")) {
            run.start(QStringLiteral("bash"), {QStringLiteral("-c"), serve::snippets::curl(e.scoringUri(), e.primaryKey, kLessonRequest)});
        } else if (language == QLatin1String("python")) {
            testing::writeFile(m_dir, QStringLiteral("score.py"), serve::snippets::python(e.scoringUri(), e.primaryKey, kLessonRequest).toUtf8());
            run.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("score.py")});
        } else {
            const QString code = serve::snippets::cppQt(e.scoringUri(), e.primaryKey, kLessonRequest);
            testing::writeFile(m_dir, QStringLiteral("main.cpp"), code.toUtf8());
            // The build command is the snippet's first line.
            QProcess build;
            build.setWorkingDirectory(m_dir.path());
            build.setProcessChannelMode(QProcess::MergedChannels);
            build.start(QStringLiteral("bash"), {QStringLiteral("-c"), code.section(QLatin1Char('\n'), 0, 0).mid(qstrlen("// Build: "))});
            QVERIFY(build.waitForFinished(120000));
            QVERIFY2(build.exitCode() == 0, build.readAll().constData());
            run.start(m_dir.filePath(QStringLiteral("score")), {});
        }
        QVERIFY(run.waitForFinished(30000));
        const QByteArray printed = run.readAllStandardOutput().trimmed();
        QVERIFY2(run.exitCode() == 0, (printed + run.readAllStandardError()).constData());
        // Python prints the parsed JSON as a dict.
        const QByteArray expected = language == QLatin1String("python") ? "{'result': [" : "{\"result\":[";
        QVERIFY2(printed.startsWith(expected), printed.constData());
        QVERIFY(supervisor.remove(e.name).ok());
    }

    void lessonEndToEnd()
    {
        REQUIRE_SHARED_DATA();
        RegisterRequest request;
        request.name = QStringLiteral("heart-failure");
        QVERIFY(importDataset(*m_ws, testing::sharedHeartFailureCsv(), {}, request).ok());
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("heart-failure"), {}, 6);
        c.votingEnsemble = c.stackEnsemble = true;
        const Status trained = testing::trainAndRegister(*m_ws, c, QStringLiteral("heart-failure-model"));
        QVERIFY2(trained.ok(), qPrintable(trained.message()));
        EndpointRequest r;
        r.name = QStringLiteral("heart-failure-ep");
        r.model = QStringLiteral("heart-failure-model");
        auto e = EndpointStore(*m_ws).create(r);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        EndpointSupervisor supervisor(*m_ws, QStringLiteral(STRATUS_CLI));
        QVERIFY(supervisor.start(e->name).ok());
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(*m_ws).get(e->name)->state, EndpointState::Healthy, 20000);
        const Http h = post(e->scoringUri(), kLessonRequest, e->primaryKey);
        QCOMPARE(h.status, 200);
        const QJsonArray result = QJsonDocument::fromJson(h.body).object().value(QStringLiteral("result")).toArray();
        QCOMPARE(result.size(), 1);
        QVERIFY(result.at(0).isBool());
        QVERIFY(supervisor.remove(e->name).ok());
    }

    void demoWalksTheLesson()
    {
        QTemporaryDir dir;
        QProcess demo;
        demo.setProcessChannelMode(QProcess::MergedChannels);
        demo.start(QStringLiteral(STRATUS_CLI), {QStringLiteral("--workspace"), dir.filePath(QStringLiteral("demo.stratus")),
                                                 QStringLiteral("demo"), QStringLiteral("--budget-seconds"), QStringLiteral("5")});
        QVERIFY(demo.waitForFinished(180000));
        const QByteArray printed = demo.readAll();
        QVERIFY2(demo.exitCode() == 0, printed.constData());
        for (const char *step : {"1. Dataset", "2. Automated ML", "3. Register the recommended model", "4. Deploy", "Healthy",
                                 "5. Consume it", "-> HTTP 200 {\"result\":[", "6. Tear the endpoint down"})
            QVERIFY2(printed.contains(step), step);
    }
};

QTEST_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
