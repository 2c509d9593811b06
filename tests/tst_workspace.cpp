// The workspace file: creation, migration from an older schema, files it
// must refuse without touching them, and several writers side by side.
#include "data/store/DatasetStore.h"
#include "registry/ComputeStore.h"
#include "registry/ExperimentStore.h"
#include "TestSupport.h"
#include "workspace/Schema.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace stratus;

namespace {

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(testing::readFile(path), QCryptographicHash::Sha256);
}

// Runs SQL statements on a raw SQLite connection (not through Workspace).
void rawSql(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &s : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(s), qPrintable(s));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void newWorkspace()
    {
        auto ws = openWorkspace(m_dir.filePath(QStringLiteral("new.stratus")));
        QVERIFY2(ws.ok(), qPrintable(ws.message()));
        QVERIFY((*ws)->wasCreated());
        QCOMPARE((*ws)->schemaVersion(), schema::kLatestVersion);
        QSqlQuery q((*ws)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // The default compute profile uses every core; the sample dataset is there.
        auto local = ComputeStore(**ws).get(QStringLiteral("local"));
        QVERIFY2(local.ok(), qPrintable(local.message()));
        QCOMPARE(local->maxConcurrent, QThread::idealThreadCount());
        auto sample = DatasetStore(**ws).resolve(QStringLiteral("heart-failure-records:latest"));
        QVERIFY2(sample.ok(), qPrintable(sample.message()));
        QCOMPARE(sample->rows, qint64(299));
        QVERIFY(sample->description.contains(QStringLiteral("Synthetic")));
        // And the forecasting sample: four stores' daily sales over two years.
        auto sales = DatasetStore(**ws).resolve(QStringLiteral("store-sales:latest"));
        QVERIFY2(sales.ok(), qPrintable(sales.message()));
        QCOMPARE(sales->rows, qint64(4 * 730));
        // Opening again does not create or seed anything.
        ws->reset();
        auto again = openWorkspace(m_dir.filePath(QStringLiteral("new.stratus")));
        QVERIFY(again.ok());
        QVERIFY(!(*again)->wasCreated());
        QCOMPARE(DatasetStore(**again).list()->size(), 2);
    }

    void migratesFromVersion1()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.stratus"));
        QStringList statements;
        for (const QString &line : QString::fromUtf8(testing::readFile(QStringLiteral(STRATUS_TEST_DATA "/workspace_v1.sql"))).split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1String("--")))
                statements << line;
        }
        QVERIFY(statements.size() > 10);
        rawSql(path, statements);

        auto ws = openWorkspace(path);
        QVERIFY2(ws.ok(), qPrintable(ws.message()));
        QVERIFY(!(*ws)->wasCreated());
        QCOMPARE((*ws)->schemaVersion(), schema::kLatestVersion);
        QVERIFY(schema::check((*ws)->connection()).ok());
        // The old data is all there...
        auto legacy = DatasetStore(**ws).resolve(QStringLiteral("legacy"));
        QVERIFY2(legacy.ok(), qPrintable(legacy.message()));
        QCOMPARE(legacy->description, QStringLiteral("made by schema 1"));
        QCOMPARE(legacy->tags.value(QStringLiteral("team")).toString(), QStringLiteral("a"));
        auto table = DatasetStore(**ws).loadTable(*legacy);
        QVERIFY2(table.ok(), qPrintable(table.message()));
        QCOMPARE(table->columns[0].numbers, (std::vector<double>{1.0, 2.0}));
        auto exp = ExperimentStore(**ws).get(QStringLiteral("legacy-exp"));
        QVERIFY(exp.ok());
        QCOMPARE(exp->description, QString()); // the column version 2 added, with its default
        // ...no sample was added to an existing workspace, and the new tables work.
        QCOMPARE(DatasetStore(**ws).list()->size(), 1);
        QSqlQuery q((*ws)->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (id, experiment_id, status, created_at) VALUES "
                                      "('run-1', %1, 'Queued', 'now')")
                           .arg(exp->id)));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO runs (id, experiment_id, status, created_at) VALUES "
                                       "('run-2', %1, 'Sleeping', 'now')")
                            .arg(exp->id))); // statuses are Azure's
    }

    void refusesWithoutTouching_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << "text" << "is not a Stratus workspace (it is not an SQLite database)";
        QTest::newRow("corrupt") << "corrupt" << "the file is damaged";
        QTest::newRow("newer schema") << "newer" << "was made by a newer Stratus (schema version 99";
        QTest::newRow("other sqlite") << "foreign" << "is an SQLite database, but not a Stratus workspace";
        QTest::newRow("read-only") << "readonly" << "the file is read-only";
    }
    void refusesWithoutTouching()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(kind + QStringLiteral(".stratus"));
        if (kind == QLatin1String("text")) {
            testing::writeFile(m_dir, kind + QStringLiteral(".stratus"), "name,age\nKim,30\n");
        } else if (kind == QLatin1String("foreign")) {
            rawSql(path, {QStringLiteral("CREATE TABLE notes (t TEXT)")});
        } else {
            { testing::newWorkspace(m_dir, kind + QStringLiteral(".stratus")); }
            if (kind == QLatin1String("newer")) {
                rawSql(path, {QStringLiteral("PRAGMA user_version = 99")});
            } else if (kind == QLatin1String("corrupt")) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadWrite));
                QByteArray bytes = f.readAll();
                for (qsizetype i = 100; i < bytes.size(); ++i)
                    bytes[i] = char(i * 7 + 3);
                f.seek(0);
                f.write(bytes);
            } else if (kind == QLatin1String("readonly")) {
                QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
            }
        }
        const QByteArray before = fileHash(path);
        auto ws = openWorkspace(path);
        QVERIFY(!ws.ok());
        QVERIFY2(ws.message().contains(message), qPrintable(ws.message()));
        QVERIFY2(ws.message().contains(path), qPrintable(ws.message()));
        QCOMPARE(fileHash(path), before);
    }

    // Another program holds the write lock (a long import): opening an
    // up-to-date workspace and reading it do not wait for it.
    void opensWhileAnotherWrites()
    {
        const QString path = m_dir.filePath(QStringLiteral("locked.stratus"));
        { testing::newWorkspace(m_dir, QStringLiteral("locked.stratus")); }
        QSqlDatabase writer = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        writer.setDatabaseName(path);
        QVERIFY(writer.open());
        QSqlQuery q(writer);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO experiments (name, created_at) VALUES ('pending', 'now')")));
        QElapsedTimer timer;
        timer.start();
        auto ws = openWorkspace(path);
        QVERIFY2(ws.ok(), qPrintable(ws.message()));
        QVERIFY(ComputeStore(**ws).list().ok());
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QCOMPARE(ExperimentStore(**ws).list()->size(), 1);
        q = QSqlQuery();
        writer.close();
        writer = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    void missingFolder()
    {
        auto ws = openWorkspace(m_dir.filePath(QStringLiteral("no/such/folder/ws.stratus")));
        QVERIFY(!ws.ok());
        QVERIFY2(ws.message().contains(QStringLiteral("does not exist")), qPrintable(ws.message()));
    }

    // Threads of this process and other processes write to one workspace at
    // once: every write succeeds (no "database is locked").
    void writersSideBySide()
    {
        const QString path = m_dir.filePath(QStringLiteral("busy.stratus"));
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("busy.stratus"));
        QList<QProcess *> processes;
        for (int p = 0; p < 3; ++p) {
            auto *process = new QProcess(this);
            process->start(QStringLiteral(STRATUS_CLI),
                           {QStringLiteral("--workspace"), path, QStringLiteral("dataset"), QStringLiteral("sample"),
                            QStringLiteral("--rows"), QStringLiteral("20000"), QStringLiteral("--name"),
                            QStringLiteral("cli-%1").arg(p)});
            processes << process;
        }
        auto writer = [&ws](int thread) {
            QStringList errors;
            for (int i = 0; i < 25; ++i) {
                ComputeProfile p;
                p.name = QStringLiteral("t%1-%2").arg(thread).arg(i);
                if (auto r = ComputeStore(*ws).create(p); !r)
                    errors << r.message();
                if (auto r = ExperimentStore(*ws).getOrCreate(QStringLiteral("exp-%1-%2").arg(thread).arg(i)); !r)
                    errors << r.message();
            }
            return errors;
        };
        auto a = QtConcurrent::run(writer, 1);
        auto b = QtConcurrent::run(writer, 2);
        QStringList errors = a.result() + b.result();
        for (QProcess *process : processes) {
            QVERIFY(process->waitForFinished(120000));
            if (process->exitCode() != 0)
                errors << QString::fromUtf8(process->readAllStandardError());
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(ComputeStore(*ws).list()->size(), 1 + 50);
        QCOMPARE(ExperimentStore(*ws).list()->size(), 50);
        QCOMPARE(DatasetStore(*ws).list()->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
