// Runs in the workspace: parents and children, Azure's status moves,
// metrics and artifacts, and runs left unfinished by a process that died.
#include "registry/ExperimentStore.h"
#include "registry/RunStore.h"
#include "TestSupport.h"

#include <QProcess>
#include <QSqlQuery>

using namespace stratus;

class TestRuns : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void parentAndChildren()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("runs.stratus"));
        auto experiment = ExperimentStore(*ws).getOrCreate(QStringLiteral("heart-failure"));
        RunStore store(*ws);
        Run parent;
        parent.experimentId = experiment->id;
        parent.config = {{QStringLiteral("primary_metric"), QStringLiteral("AUC_weighted")}};
        auto p = store.create(parent);
        QVERIFY2(p.ok(), qPrintable(p.message()));
        QVERIFY(p->id.startsWith(QStringLiteral("AutoML_")));
        QCOMPARE(p->status, RunStatus::NotStarted);
        QCOMPARE(p->experiment, QStringLiteral("heart-failure"));
        QCOMPARE(p->owner, RunStore::currentOwner());

        Run child;
        child.experimentId = experiment->id;
        child.parentId = p->id;
        child.kind = QStringLiteral("trial");
        child.algorithm = QStringLiteral("XGBoostClassifier");
        auto c0 = store.create(child);
        auto c1 = store.create(child);
        QCOMPARE(c0->id, p->id + QStringLiteral("_0"));
        QCOMPARE(c1->id, p->id + QStringLiteral("_1"));

        QVERIFY(store.setStatus(p->id, RunStatus::Running).ok());
        QVERIFY(store.setStatus(c0->id, RunStatus::Queued).ok());
        QVERIFY(store.setStatus(c0->id, RunStatus::Running).ok());
        QVERIFY(store.setMetrics(c0->id, {{QStringLiteral("AUC_weighted"), 0.91}, {QStringLiteral("accuracy"), 0.85}}).ok());
        QVERIFY(store.putArtifact(c0->id, QStringLiteral("curves.json"), "{\"roc\":[]}").ok());
        QVERIFY(store.setStatus(c0->id, RunStatus::Completed).ok());
        QVERIFY(store.setStatus(c1->id, RunStatus::Failed, QStringLiteral("out of memory")).ok());
        QVERIFY(store.setStatus(p->id, RunStatus::Finalizing).ok());
        QVERIFY(store.setStatus(p->id, RunStatus::Completed).ok());

        auto done = store.get(c0->id);
        QCOMPARE(done->status, RunStatus::Completed);
        QCOMPARE(done->metrics.value(QStringLiteral("AUC_weighted")), 0.91);
        QVERIFY(done->startedAt.isValid() && done->endedAt.isValid());
        QVERIFY(done->durationSeconds() >= 0);
        QCOMPARE(*store.artifact(c0->id, QStringLiteral("curves.json")), QByteArray("{\"roc\":[]}"));
        QCOMPARE(*store.artifactNames(c0->id), QStringList{QStringLiteral("curves.json")});
        QVERIFY(store.artifact(c0->id, QStringLiteral("nothing")).message().contains(QStringLiteral("no artifact")));
        QCOMPARE(store.get(c1->id)->error, QStringLiteral("out of memory"));
        QCOMPARE(store.children(p->id)->size(), 2);
        QCOMPARE(store.list(QStringLiteral("heart-failure"))->size(), 1);
        QCOMPARE(ExperimentStore(*ws).get(QStringLiteral("heart-failure"))->runCount, 1);
        QCOMPARE(ExperimentStore(*ws).get(QStringLiteral("heart-failure"))->latestStatus, QStringLiteral("Completed"));
    }

    void statusMoves_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("queued to running") << "Queued" << "Running" << true;
        QTest::newRow("running to finalizing") << "Running" << "Finalizing" << true;
        QTest::newRow("finalizing to completed") << "Finalizing" << "Completed" << true;
        QTest::newRow("not started to canceled") << "NotStarted" << "Canceled" << true;
        QTest::newRow("completed to running") << "Completed" << "Running" << false;
        QTest::newRow("failed to completed") << "Failed" << "Completed" << false;
        QTest::newRow("queued to completed") << "Queued" << "Completed" << false;
        QTest::newRow("running to queued") << "Running" << "Queued" << false;
    }
    void statusMoves()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        QCOMPARE(RunStore::canMove(*runStatusFromName(from), *runStatusFromName(to)), allowed);
    }

    void refusedMoveSaysWhy()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("moves.stratus"));
        auto experiment = ExperimentStore(*ws).getOrCreate(QStringLiteral("exp"));
        RunStore store(*ws);
        Run run;
        run.experimentId = experiment->id;
        auto r = store.create(run);
        QVERIFY(store.setStatus(r->id, RunStatus::Canceled).ok());
        const Status s = store.setStatus(r->id, RunStatus::Running);
        QVERIFY(!s.ok());
        QVERIFY2(s.message().contains(QStringLiteral("cannot go from Canceled to Running")), qPrintable(s.message()));
    }

    // A process dies with its run Running: the next open marks it Failed
    // ("interrupted"); runs of live processes and finished runs stay as they are.
    void interruptedRunsFailAtNextOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.stratus"));
        QString deadOwner;
        {
            QProcess gone;
            gone.start(QStringLiteral("true"));
            QVERIFY(gone.waitForStarted());
            const qint64 pid = gone.processId();
            QVERIFY(gone.waitForFinished());
            deadOwner = RunStore::currentOwner().section(QLatin1Char(':'), 0, 0) + QLatin1Char(':') + QString::number(pid);
        }
        QString dead, alive, finished, longTrial;
        {
            auto ws = testing::newWorkspace(m_dir, QStringLiteral("crash.stratus"));
            auto experiment = ExperimentStore(*ws).getOrCreate(QStringLiteral("exp"));
            RunStore store(*ws);
            Run run;
            run.experimentId = experiment->id;
            dead = store.create(run)->id;
            alive = store.create(run)->id;
            finished = store.create(run)->id;
            longTrial = store.create(run)->id;
            QVERIFY(store.setStatus(longTrial, RunStatus::Running).ok());
            QVERIFY(store.setStatus(dead, RunStatus::Running).ok());
            QVERIFY(store.setStatus(alive, RunStatus::Running).ok());
            QVERIFY(store.setStatus(finished, RunStatus::Running).ok());
            QVERIFY(store.setStatus(finished, RunStatus::Completed).ok());
            QSqlQuery q(ws->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE runs SET owner = '%1' WHERE id IN ('%2', '%3')")
                               .arg(deadOwner, dead, finished)));
            // A live local process (pid 1) in a long trial: an old heartbeat does not make it dead.
            const QString host = RunStore::currentOwner().section(QLatin1Char(':'), 0, 0);
            QVERIFY(q.exec(QStringLiteral("UPDATE runs SET owner = '%1:1', heartbeat_at = '2020-01-01T00:00:00.000Z' "
                                          "WHERE id = '%2'")
                               .arg(host, longTrial)));
        }
        auto ws = openWorkspace(path);
        QVERIFY2(ws.ok(), qPrintable(ws.message()));
        RunStore store(**ws);
        QCOMPARE(store.get(dead)->status, RunStatus::Failed);
        QVERIFY(store.get(dead)->error.startsWith(QStringLiteral("interrupted")));
        QCOMPARE(store.get(alive)->status, RunStatus::Running); // this process is alive
        QCOMPARE(store.get(finished)->status, RunStatus::Completed);
        QCOMPARE(store.get(longTrial)->status, RunStatus::Running);
    }
};

QTEST_GUILESS_MAIN(TestRuns)
#include "tst_runs.moc"
