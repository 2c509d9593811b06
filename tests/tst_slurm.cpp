// Slurm compute profiles against a real Slurm cluster (tests/slurm-cluster.sh
// start; ./setup.sh test starts one): AutoML trials as Slurm jobs with the
// local leaderboard, cancel, a job killed from outside, batch scoring in
// chunks, and the errors a user can meet. Outside CI, without a cluster,
// every test skips and says why; in CI ($CI set) a missing cluster fails.

#include "TestSupport.h"
#include "TrainSupport.h"
#include "compute/SharedFolder.h"
#include "compute/SlurmCluster.h"
#include "compute/SlurmCommand.h"
#include "compute/SlurmJobs.h"
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "export/BatchScoring.h"
#include "ml/automl/AutoMLRun.h"
#include "registry/ComputeStore.h"
#include "ml/model/TrainedPipeline.h"
#include "data/store/DatasetStore.h"
#include "registry/RunStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace stratus;
using namespace stratus::ml;

class TestSlurm : public QObject {
    Q_OBJECT

    QString m_partition;
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;

    ComputeProfile slurmProfile(const QString &name, int jobs = 2) const
    {
        ComputeProfile p;
        p.name = name;
        p.kind = QStringLiteral("slurm");
        p.maxConcurrent = jobs;
        p.threadsPerTrial = 1;
        p.slurm.partition = m_partition;
        p.slurm.sharedFolder = m_dir.filePath(QStringLiteral("shared"));
        p.slurm.timeLimitMinutes = 10;
        return p;
    }

    // The names of this workspace's jobs that squeue still lists (pending, running, completing).
    QStringList queuedJobs() const
    {
        const slurm::SharedFolder folder(slurmProfile(QStringLiteral("any")).slurm, m_ws->path());
        auto state = slurm::clusterState(m_partition, folder.jobPrefix());
        if (!state)
            return {QStringLiteral("error: ") + state.message()};
        QStringList names;
        for (const auto &job : state->jobs)
            names << job.name + QLatin1Char(' ') + job.state;
        return names;
    }

    AutoMLConfig heartConfig(const QString &compute, int trials) const
    {
        AutoMLConfig c;
        c.dataset = QStringLiteral("heart");
        c.label = QStringLiteral("DEATH_EVENT");
        c.maxTrials = trials;
        c.crossValidations = 5;
        c.seed = 11;
        c.computeProfile = compute;
        c.experiment = QStringLiteral("on-") + compute;
        return c;
    }

private slots:
    void initTestCase()
    {
        m_partition = qEnvironmentVariable("STRATUS_SLURM_PARTITION", QStringLiteral("debug"));
        auto answer = slurm::run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-p"), m_partition, QStringLiteral("-o"), QStringLiteral("%T")});
        const QString state = answer ? QString::fromLocal8Bit(answer->standardOutput).trimmed() : QString();
        if (!answer || state.isEmpty()) {
            const QString why = answer ? QStringLiteral("partition '%1' has no node").arg(m_partition) : answer.message();
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(QStringLiteral("CI runs the Slurm tests, but there is no cluster: %1").arg(why)));
            QSKIP(qPrintable(QStringLiteral("no Slurm cluster here (%1); start one with tests/slurm-cluster.sh start and "
                                            "export the SLURM_CONF it prints").arg(why)));
        }
        QVERIFY(m_dir.isValid());
        qputenv("STRATUS_CLI", STRATUS_CLI); // the worker the jobs run: this build's
        m_ws = testing::newWorkspace(m_dir);
        // The lesson's file when ../shared has it, else Stratus's synthetic records of the same
        // columns: these tests need a cluster, not that file.
        if (QFile::exists(testing::sharedHeartFailureCsv())) {
            RegisterRequest request;
            request.name = QStringLiteral("heart");
            auto imported = importDataset(*m_ws, testing::sharedHeartFailureCsv(), CsvReadOptions(), request);
            QVERIFY2(imported, qPrintable(imported.message()));
        } else {
            qInfo("../shared/data/heart_failure_clinical_records_dataset.csv is absent: the synthetic records stand in");
            QVERIFY(registerSyntheticRecords(*m_ws, QStringLiteral("heart"), 299));
        }
        // 3,588 rows for trials of a few seconds and chunks of scoring.
        QVERIFY(registerSyntheticRecords(*m_ws, QStringLiteral("heart-x12"), 3588));
        ComputeStore store(*m_ws);
        QVERIFY(store.create(slurmProfile(QStringLiteral("cluster"))));
        ComputeProfile local;
        local.name = QStringLiteral("two-threads");
        local.maxConcurrent = 2;
        local.threadsPerTrial = 1;
        QVERIFY(store.create(local));
    }

    // With a number of trials and a seed, the leaderboard on Slurm is the local one.
    void sameLeaderboardAsLocal()
    {
        QMap<QString, QList<Run>> boards;
        QStringList parents;
        for (const QString &compute : {QStringLiteral("two-threads"), QStringLiteral("cluster")}) {
            auto parent = testing::runAutoML(*m_ws, heartConfig(compute, 6));
            QVERIFY2(parent, qPrintable(parent.message()));
            parents << *parent;
            auto run = RunStore(*m_ws).get(*parent);
            QVERIFY(run);
            QCOMPARE(runStatusName(run->status), QStringLiteral("Completed"));
            auto children = RunStore(*m_ws).children(*parent);
            QVERIFY(children);
            QList<Run> list = *children;
            std::sort(list.begin(), list.end(), [](const Run &a, const Run &b) {
                return a.config.value(QStringLiteral("iteration")).toInt() < b.config.value(QStringLiteral("iteration")).toInt();
            });
            boards.insert(compute, list);
        }
        const QList<Run> &local = boards[QStringLiteral("two-threads")];
        const QList<Run> &slurm = boards[QStringLiteral("cluster")];
        QCOMPARE(slurm.size(), local.size());
        QVERIFY(local.size() >= 6);
        int onSlurm = 0;
        for (int i = 0; i < local.size(); ++i) {
            QCOMPARE(slurm[i].algorithm, local[i].algorithm);
            QCOMPARE(runStatusName(slurm[i].status), QStringLiteral("Completed"));
            // Exactly the same numbers (QCOMPARE on doubles would forgive the last digits).
            for (const QString &metric : local[i].metrics.keys())
                if (!metric.contains(QLatin1String("time"))) // fit_time_seconds and the like: clocks, not results
                QVERIFY2(slurm[i].metrics.value(metric) == local[i].metrics.value(metric),
                         qPrintable(QStringLiteral("trial %1 %2: %3 on Slurm, %4 here").arg(i).arg(metric)
                                        .arg(slurm[i].metrics.value(metric), 0, 'g', 17).arg(local[i].metrics.value(metric), 0, 'g', 17)));
            const QJsonObject fidelity = slurm[i].config.value(QStringLiteral("fidelity")).toObject();
            if (!fidelity.value(QStringLiteral("slurm_job")).toString().isEmpty())
                ++onSlurm; // a trial, not an ensemble (those are built here from the trials' predictions)
        }
        QCOMPARE(onSlurm, 6);
        // The model handed back was refitted by a worker, and predicts as the local one does.
        auto table = DatasetStore(*m_ws).loadTable(*DatasetStore(*m_ws).resolve(QStringLiteral("heart")));
        QVERIFY(table);
        std::vector<double> predictions[2];
        int k = 0;
        for (const QString &parent : parents) {
            auto model = TrainedPipeline::fromRun(*m_ws, parent);
            QVERIFY2(model, qPrintable(model.message()));
            auto predicted = model->predict(*table);
            QVERIFY2(predicted, qPrintable(predicted.message()));
            predictions[k++] = *predicted;
        }
        QVERIFY(!predictions[0].empty());
        QVERIFY(predictions[0] == predictions[1]);
        QVERIFY2(QString::fromUtf8(RunStore(*m_ws).artifact(parents.last(), QStringLiteral("log")).value_or(QByteArray()))
                     .contains(QStringLiteral("refit on Slurm node")),
                 "the refit ran on a worker");
        QVERIFY2(queuedJobs().isEmpty(), qPrintable(queuedJobs().join(QStringLiteral(", "))));
    }

    // Cancel while jobs are queued and running: the run ends Canceled and squeue lists none of them.
    void cancelLeavesNoJobs()
    {
        AutoMLRun run(*m_ws, heartConfig(QStringLiteral("cluster"), 40));
        QSignalSpy finished(&run, &AutoMLRun::finished);
        connect(&run, &AutoMLRun::trialStarted, &run, [&run] { run.cancel(); });
        auto started = run.start();
        QVERIFY2(started, qPrintable(started.message()));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Canceled"));
        QVERIFY2(queuedJobs().isEmpty(), qPrintable(queuedJobs().join(QStringLiteral(", "))));
    }

    // A worker job canceled from outside while it trains (an administrator's
    // scancel, a preemption): its trial is queued again, and the run completes.
    void jobKilledFromOutsideIsRetried()
    {
        AutoMLConfig config = heartConfig(QStringLiteral("cluster"), 3);
        config.dataset = QStringLiteral("heart-x12"); // trials of a few seconds
        config.allowedAlgorithms = {QStringLiteral("RandomForest")};
        config.votingEnsemble = config.stackEnsemble = false;
        AutoMLRun run(*m_ws, config);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        auto started = run.start();
        QVERIFY2(started, qPrintable(started.message()));
        // The run's folder says which worker job holds which trial (WorkerPool.h).
        const QString folder = slurm::SharedFolder(slurmProfile(QStringLiteral("any")).slurm, m_ws->path()).runFolder(*started);
        QString killed;
        for (int i = 0; i < 1000 && killed.isEmpty(); ++i) {
            for (const QString &claim : QDir(folder + QStringLiteral("/claimed")).entryList(QDir::Files)) {
                const QString task = claim.section(QLatin1Char('#'), 0, 0);
                if (!QFile::exists(folder + QStringLiteral("/tasks/") + task + QStringLiteral("/result.json"))) {
                    killed = claim.section(QLatin1Char('@'), -1);
                    break;
                }
            }
            if (killed.isEmpty())
                QTest::qWait(20);
        }
        QVERIFY2(!killed.isEmpty(), "no worker job took a trial");
        QVERIFY(slurm::run(QStringLiteral("scancel"), {killed}));
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed"));
        const QString log = QString::fromUtf8(run.logText());
        QVERIFY2(log.contains(QStringLiteral("Slurm job %1 ended CANCELLED").arg(killed)), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("queued again (attempt 2 of 3)")), qPrintable(log));
        for (const TrialResult &t : run.leaderboard())
            QCOMPARE(runStatusName(t.status), QStringLiteral("Completed"));
        QVERIFY2(queuedJobs().isEmpty(), qPrintable(queuedJobs().join(QStringLiteral(", "))));
    }

    // Batch scoring split into chunks on Slurm writes the file local scoring writes.
    void batchScoringEqualsLocal()
    {
        AutoMLConfig config = testing::quickConfig(QStringLiteral("heart"), {QStringLiteral("RandomForest"), QStringLiteral("LogisticRegression")}, 2);
        QVERIFY(testing::trainAndRegister(*m_ws, config, QStringLiteral("heart-model")));
        // The rows with a column of distinct patient ids and one of wards (text the model does not
        // use, kept in the output): chunks must carry their own values of both.
        DataTable ids = generateHeartFailureRecords(3588, 7);
        DataColumn patient, ward;
        patient.name = QStringLiteral("patient");
        patient.type = ColumnType::Text;
        ward.name = QStringLiteral("ward");
        ward.type = ColumnType::Categorical;
        ward.dictionary = {"A", "B", "C", "D", "E", "F", "G"};
        for (int i = 1; i <= 3588; ++i) {
            patient.dictionary.push_back(QStringLiteral("P%1").arg(i, 5, 10, QLatin1Char('0')).toStdString());
            patient.codes.push_back(i - 1);
            ward.codes.push_back(i % 7);
        }
        ids.columns.push_back(patient);
        ids.columns.push_back(ward);
        RegisterRequest withIds;
        withIds.name = QStringLiteral("heart-ids");
        auto registered = registerDataTable(*m_ws, ids, withIds);
        QVERIFY2(registered, qPrintable(registered.message()));
        ScoreRequest score;
        score.model = QStringLiteral("heart-model");
        score.dataset = QStringLiteral("heart-ids");
        score.outputCsv = m_dir.filePath(QStringLiteral("local.csv"));
        auto local = batch::run(*m_ws, score);
        QVERIFY2(local, qPrintable(local.message()));
        score.outputCsv = m_dir.filePath(QStringLiteral("slurm.csv"));
        score.compute = QStringLiteral("cluster");
        score.chunks = 3;
        auto onSlurm = batch::run(*m_ws, score);
        QVERIFY2(onSlurm, qPrintable(onSlurm.message()));
        QCOMPARE(onSlurm->rows, qint64(3588));
        const QByteArray a = testing::readFile(m_dir.filePath(QStringLiteral("local.csv")));
        QVERIFY(a.count('\n') == 3589);
        QVERIFY(a.contains(",P03588,") && a.contains(",P00001,")); // the ids came back
        QVERIFY(a == testing::readFile(m_dir.filePath(QStringLiteral("slurm.csv"))));
        QVERIFY2(queuedJobs().isEmpty(), qPrintable(queuedJobs().join(QStringLiteral(", "))));
        // Chunks are Slurm's: asked of this machine, the request says so.
        score.compute = QStringLiteral("two-threads");
        auto local2 = batch::run(*m_ws, score);
        QVERIFY(!local2);
        QVERIFY2(local2.message().contains(QStringLiteral("Chunks are for a Slurm profile")), qPrintable(local2.message()));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no sbatch on the PATH") << "path" << "is not on the PATH";
        QTest::newRow("controller unreachable") << "controller" << "Cannot reach the Slurm controller";
        QTest::newRow("unknown partition") << "partition" << "Partition 'no-such-partition' is not on this Slurm cluster";
        QTest::newRow("too many CPUs for any node") << "cpus" << "the largest node of partition";
    }

    // What a user meets before any job: checked when the profile is saved and when a run starts.
    void errors()
    {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        ComputeProfile p = slurmProfile(QStringLiteral("bad-") + what);
        const QByteArray path = qgetenv("PATH"), conf = qgetenv("SLURM_CONF");
        const auto restore = qScopeGuard([&] {
            qputenv("PATH", path);
            if (conf.isEmpty())
                qunsetenv("SLURM_CONF");
            else
                qputenv("SLURM_CONF", conf);
        });
        if (what == QLatin1String("path")) {
            qputenv("PATH", m_dir.filePath(QStringLiteral("empty")).toLocal8Bit());
        } else if (what == QLatin1String("controller")) {
            // The same cluster's configuration with the controller on a port nobody listens on.
            QByteArray text = testing::readFile(conf.isEmpty() ? QStringLiteral("/etc/slurm/slurm.conf") : QString::fromLocal8Bit(conf));
            QVERIFY(!text.isEmpty());
            text.replace(QByteArray("SlurmctldPort="), QByteArray("SlurmctldPort=1#"));
            text.prepend("SlurmctldPort=9\n");
            qputenv("SLURM_CONF", testing::writeFile(m_dir, QStringLiteral("unreachable.conf"), text).toLocal8Bit());
        } else if (what == QLatin1String("partition")) {
            p.slurm.partition = QStringLiteral("no-such-partition");
        } else if (what == QLatin1String("cpus")) {
            p.threadsPerTrial = 1000;
        }
        const Status checked = slurm::check(p);
        QVERIFY(!checked);
        QVERIFY2(checked.message().contains(expected), qPrintable(checked.message()));
        // Saved anyway (as --no-check does), a run on it fails at its start with the same message.
        auto saved = ComputeStore(*m_ws).create(p);
        QVERIFY2(saved, qPrintable(saved.message()));
        AutoMLRun run(*m_ws, heartConfig(p.name, 2));
        auto started = run.start();
        QVERIFY(!started);
        QVERIFY2(started.message().contains(expected), qPrintable(started.message()));
    }

    // Slurm's own refusal of a job, word for word, with what was asked.
    void jobRejectedForItsLimits()
    {
        slurm::JobRequest job;
        job.name = QStringLiteral("stratus-test-too-big");
        job.directory = m_dir.path();
        job.command = {QStringLiteral("/bin/true")};
        job.cpus = 1;
        job.memoryMb = 100000000; // 100 TB
        auto id = slurm::submit(slurmProfile(QStringLiteral("any")).slurm, job);
        QVERIFY(!id);
        QVERIFY2(id.message().startsWith(QStringLiteral("Slurm refused the job stratus-test-too-big (partition %1, 1 CPUs, 100000000 MB")
                                             .arg(m_partition)),
                 qPrintable(id.message()));
        QVERIFY2(id.message().contains(QStringLiteral("sbatch failed")), qPrintable(id.message()));
    }

    // A shared folder the nodes do not see: the trial fails at once (no retry) and says so.
    void nodesCannotWriteTheSharedFolder()
    {
        ComputeProfile p = slurmProfile(QStringLiteral("wrong-mount"), 1);
        p.slurm.nodeSharedFolder = QStringLiteral("/nonexistent/stratus-shared");
        auto probed = slurm::probe(p, m_ws->path(), 60);
        QVERIFY(!probed);
        QVERIFY2(probed.message().contains(QStringLiteral("the nodes cannot write /nonexistent/stratus-shared")), qPrintable(probed.message()));
        QVERIFY(ComputeStore(*m_ws).create(p));
        AutoMLConfig config = heartConfig(p.name, 1);
        config.votingEnsemble = config.stackEnsemble = false;
        AutoMLRun run(*m_ws, config);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QVERIFY(run.start());
        QVERIFY(finished.wait(120000));
        const QList<TrialResult> board = run.leaderboard();
        QCOMPARE(board.size(), 1);
        QCOMPARE(runStatusName(board.first().status), QStringLiteral("Failed"));
        QVERIFY2(board.first().error.contains(QStringLiteral("the nodes cannot write /nonexistent/stratus-shared")), qPrintable(board.first().error));
        QVERIFY2(!QString::fromUtf8(run.logText()).contains(QStringLiteral("attempt 2")), "a folder the nodes cannot write is not worth a retry");
    }

    // The CLI makes, shows and checks a Slurm profile.
    void cli()
    {
        const QString ws = m_ws->path();
        auto bad = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("compute"), QStringLiteral("create"), QStringLiteral("cli-bad"),
                                    QStringLiteral("--kind"), QStringLiteral("slurm"), QStringLiteral("--partition"), QStringLiteral("nope"),
                                    QStringLiteral("--shared-folder"), m_dir.filePath(QStringLiteral("shared"))});
        QVERIFY(bad.code != 0);
        QVERIFY2(bad.err.contains("Partition 'nope' is not on this Slurm cluster"), bad.err.constData());
        auto made = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("compute"), QStringLiteral("create"), QStringLiteral("cli-good"),
                                     QStringLiteral("--kind"), QStringLiteral("slurm"), QStringLiteral("--partition"), m_partition,
                                     QStringLiteral("--shared-folder"), m_dir.filePath(QStringLiteral("shared")), QStringLiteral("--max-concurrent"),
                                     QStringLiteral("3"), QStringLiteral("--time-limit"), QStringLiteral("30")});
        QVERIFY2(made.code == 0, made.err.constData());
        auto shown = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("compute"), QStringLiteral("show"), QStringLiteral("cli-good"), QStringLiteral("--json")});
        QVERIFY2(shown.code == 0, shown.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("slurm"));
        QCOMPARE(o.value(QStringLiteral("slurm")).toObject().value(QStringLiteral("time_limit_minutes")).toInt(), 30);
        QVERIFY(!o.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("nodes")).toArray().isEmpty());
        auto checked = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("compute"), QStringLiteral("check"), QStringLiteral("cli-good")});
        QVERIFY2(checked.code == 0, checked.err.constData());
        QVERIFY2(checked.out.contains("wrote in the shared folder"), checked.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSlurm)
#include "tst_slurm.moc"
