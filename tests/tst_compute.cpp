// Compute profiles: create, edit, delete, and the rules on their fields.
#include "registry/ComputeStore.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QSqlQuery>

using namespace stratus;

class TestCompute : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void createEditDelete()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("c.stratus"));
        ComputeStore store(*ws);
        QSignalSpy changed(ws.get(), &Workspace::computeProfilesChanged);
        ComputeProfile p;
        p.name = QStringLiteral("cpu-cluster");
        p.maxConcurrent = 4;
        p.threadsPerTrial = 2;
        p.memoryMb = 2048;
        p.priority = QStringLiteral("low");
        p.description = QStringLiteral("four at once");
        auto made = store.create(p);
        QVERIFY2(made.ok(), qPrintable(made.message()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(store.create(p).message().contains(QStringLiteral("already exists")));
        QVERIFY(store.create([&] { auto q = p; q.name = QStringLiteral("CPU-CLUSTER"); return q; }())
                    .message()
                    .contains(QStringLiteral("already exists"))); // names are case-insensitive

        ComputeProfile edited = *made;
        edited.name = QStringLiteral("gpu-less");
        edited.maxConcurrent = 8;
        QVERIFY(store.update(edited).ok());
        QVERIFY(!store.get(QStringLiteral("cpu-cluster")).ok());
        auto got = store.get(QStringLiteral("gpu-less"));
        QCOMPARE(got->maxConcurrent, 8);
        QCOMPARE(got->threadsPerTrial, 2);
        QCOMPARE(got->memoryMb, 2048);
        QCOMPARE(got->priority, QStringLiteral("low"));
        edited.name = QStringLiteral("local");
        QVERIFY(store.update(edited).message().contains(QStringLiteral("already exists")));

        QVERIFY(store.remove(QStringLiteral("gpu-less")).ok());
        QVERIFY(store.remove(QStringLiteral("gpu-less")).message().contains(QStringLiteral("no compute profile")));
        QCOMPARE(store.list()->size(), 1); // local
    }

    void refusesDeletingBusyProfile()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("busy.stratus"));
        ComputeStore store(*ws);
        auto local = store.get(QStringLiteral("local"));
        QSqlQuery q(ws->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO experiments (name, created_at) VALUES ('e1x', 'now')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (id, experiment_id, status, compute_profile_id, created_at) "
                                      "VALUES ('r1', 1, 'Running', %1, 'now')")
                           .arg(local->id)));
        QVERIFY(store.remove(QStringLiteral("local")).message().contains(QStringLiteral("runs in progress")));
        QVERIFY(q.exec(QStringLiteral("UPDATE runs SET status = 'Completed'")));
        QVERIFY(store.remove(QStringLiteral("local")).ok());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("concurrency 0") << "maxConcurrent" << 0 << "Max concurrent trials must be between 1 and 1024";
        QTest::newRow("threads 0") << "threadsPerTrial" << 0 << "Threads per trial must be between 1 and 1024";
        QTest::newRow("memory small") << "memoryMb" << 10 << "at least 64 MB";
        QTest::newRow("memory negative") << "memoryMb" << -1 << "Memory per trial";
        QTest::newRow("priority") << "priority" << 0 << "Priority must be 'normal' or 'low'";
        QTest::newRow("name") << "name" << 0 << "2 to 16 characters";
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(int, value);
        QFETCH(QString, message);
        ComputeProfile p;
        p.name = QStringLiteral("ok-name");
        if (field == QLatin1String("maxConcurrent"))
            p.maxConcurrent = value;
        else if (field == QLatin1String("threadsPerTrial"))
            p.threadsPerTrial = value;
        else if (field == QLatin1String("memoryMb"))
            p.memoryMb = value;
        else if (field == QLatin1String("priority"))
            p.priority = QStringLiteral("urgent");
        else
            p.name = QStringLiteral("x");
        const Status s = ComputeStore::validate(p);
        QVERIFY(!s.ok());
        QVERIFY2(s.message().contains(message), qPrintable(s.message()));
    }
};

QTEST_GUILESS_MAIN(TestCompute)
#include "tst_compute.moc"
