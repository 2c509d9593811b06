// Model packages as a user moves models between machines: export a
// registered model (an ensemble and a single learner) to one file, read it
// back (format, schema, sample, metrics, lineage), import it into a fresh
// workspace and get identical predictions; a damaged, foreign or newer file
// is refused with the field named and nothing registered; and the CLI:
// model export/import, predict --package (no workspace needed), serve
// --package, score (to CSV and as a new dataset version), and --format onnx.
#include "data/import/SampleData.h"
#include "data/store/DatasetStore.h"
#include "export/BatchScoring.h"
#include "export/ModelPackage.h"
#include "export/onnx/Graph.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/ModelStore.h"
#include "TestSupport.h"
#include "TrainSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>

using namespace stratus;

namespace {

using testing::CliRun;

CliRun cli(const QStringList &args)
{
    return testing::runCli(args, {}, QDir::tempPath() + QStringLiteral("/stratus-tst-package-none"));
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    DataTable m_rows;

private slots:
    void initTestCase()
    {
        m_ws = testing::newWorkspace(m_dir);
        QVERIFY(registerSampleDataset(*m_ws).ok());
        const QString sample = QString::fromLatin1(kSampleDatasetName);
        ml::AutoMLConfig ensemble = testing::quickConfig(sample, {QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier")}, 4);
        ensemble.votingEnsemble = ensemble.stackEnsemble = true;
        ensemble.seed = 7;
        ml::AutoMLConfig linear = testing::quickConfig(sample, {QStringLiteral("LogisticRegression")}, 4);
        linear.seed = 7;
        for (const auto &[config, name] : {std::pair{ensemble, QStringLiteral("ensemble")}, std::pair{linear, QStringLiteral("linear")}}) {
            const Status trained = testing::trainAndRegister(*m_ws, config, name);
            QVERIFY2(trained.ok(), qPrintable(trained.message()));
        }
        DatasetStore datasets(*m_ws);
        m_rows = *datasets.loadTable(*datasets.resolve(QString::fromLatin1(kSampleDatasetName)));
    }

    void exportedFileDescribesTheModel()
    {
        const QString path = m_dir.filePath(QStringLiteral("ensemble.stratus-model"));
        QVERIFY(package::exportModel(*m_ws, QStringLiteral("ensemble"), path).ok());
        const QJsonObject o = QJsonDocument::fromJson(testing::readFile(path)).object();
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("stratus-model-package"));
        QCOMPARE(o.value(QStringLiteral("input_schema")).toArray().size(), 12);
        QCOMPARE(o.value(QStringLiteral("sample")).toObject().size(), 12);
        QVERIFY(o.value(QStringLiteral("readme")).toString().contains(QStringLiteral("predict --package")));
        const QJsonObject lineage = o.value(QStringLiteral("lineage")).toObject();
        QVERIFY(lineage.value(QStringLiteral("dataset_hash")).toString().startsWith(QStringLiteral("blake2b-256:")));
        QCOMPARE(lineage.value(QStringLiteral("seed")).toString(), QStringLiteral("7"));
        QVERIFY(!lineage.value(QStringLiteral("libraries")).toObject().value(QStringLiteral("xgboost")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("properties")).toObject().value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("AUC_weighted")));
        auto p = package::read(path);
        QVERIFY2(p.ok(), qPrintable(p.message()));
        QCOMPARE(p->name, QStringLiteral("ensemble"));
        QCOMPARE(p->version, 1);
    }

    void importGivesIdenticalPredictions_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("ensemble") << "ensemble";
        QTest::newRow("linear") << "linear";
    }

    void importGivesIdenticalPredictions()
    {
        QFETCH(QString, model);
        const QString path = m_dir.filePath(model + QStringLiteral(".stratus-model"));
        QVERIFY(package::exportModel(*m_ws, model, path).ok());
        QTemporaryDir other;
        auto fresh = testing::newWorkspace(other);
        auto imported = package::importPackage(*fresh, path, QStringLiteral("moved"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(imported->reference(), QStringLiteral("moved:1"));
        QVERIFY(imported->runId.isEmpty());
        QCOMPARE(imported->properties.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("package")).toString(), model + QStringLiteral(":1"));
        const auto original = *ml::TrainedPipeline::fromModel(*m_ws, model)->predict(m_rows);
        const auto moved = *ml::TrainedPipeline::fromModel(*fresh, QStringLiteral("moved"))->predict(m_rows);
        QCOMPARE(moved.size(), original.size());
        QVERIFY(moved == original); // bit for bit
        // Imported twice: a second version.
        QCOMPARE(package::importPackage(*fresh, path, QStringLiteral("moved"))->version, 2);
    }

    void badFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("damaged pipeline") << QByteArray("\"algorithm\":\"LogisticRegression\"") << QByteArray("\"algorithm\":\"LogisticRegressioN\"")
                                          << "pipeline_sha256";
        QTest::newRow("foreign") << QByteArray("stratus-model-package") << QByteArray("something-else") << "not a model package";
        QTest::newRow("newer") << QByteArray("\"format_version\":1") << QByteArray("\"format_version\":2") << "format_version 2";
        QTest::newRow("not JSON") << QByteArray("{") << QByteArray("[[") << "invalid JSON";
    }

    void badFilesAreRefused()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, message);
        const QString good = m_dir.filePath(QStringLiteral("linear.stratus-model"));
        QVERIFY(package::exportModel(*m_ws, QStringLiteral("linear"), good).ok());
        QByteArray bytes = testing::readFile(good);
        QVERIFY(bytes.contains(from));
        bytes.replace(bytes.indexOf(from), from.size(), to);
        const QString bad = testing::writeFile(m_dir, QStringLiteral("bad.stratus-model"), bytes);
        QTemporaryDir other;
        auto fresh = testing::newWorkspace(other);
        auto imported = package::importPackage(*fresh, bad);
        QVERIFY(!imported);
        QVERIFY2(imported.message().contains(message) && imported.message().contains(bad), qPrintable(imported.message()));
        QVERIFY(ModelStore(*fresh).list()->isEmpty());
    }

    void batchScoringInChunks()
    {
        // 10,000 rows: three chunks, the same predictions as one call.
        QVERIFY(registerSyntheticRecords(*m_ws, QStringLiteral("many"), 10000).ok());
        DatasetStore datasets(*m_ws);
        const DataTable table = *datasets.loadTable(*datasets.resolve(QStringLiteral("many")));
        auto pipeline = ml::TrainedPipeline::fromModel(*m_ws, QStringLiteral("ensemble"));
        const std::vector<double> whole = *pipeline->predict(table);
        QList<double> progress;
        TaskControl control;
        control.progress = [&progress](double f) { progress << f; };
        auto scored = batch::score(*pipeline, table, control);
        QVERIFY2(scored.ok(), qPrintable(scored.message()));
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.last(), 1.0);
        const DataColumn &p1 = scored->columns.back();
        QCOMPARE(p1.name, QStringLiteral("proba_true"));
        for (size_t r = 0; r < table.rowCount; ++r)
            QCOMPARE(p1.numbers[r], whole[2 * r + 1]);
        // Canceled: nothing written or registered.
        std::atomic<bool> cancel{true};
        TaskControl stop;
        stop.cancel = &cancel;
        const QString csv = m_dir.filePath(QStringLiteral("canceled.csv"));
        auto canceled = batch::run(*m_ws, {QStringLiteral("ensemble"), QStringLiteral("many"), csv, true}, stop);
        QVERIFY(!canceled);
        QVERIFY(canceled.message().contains(QStringLiteral("Canceled")));
        QVERIFY(!QFile::exists(csv));
        QVERIFY(!datasets.resolve(QStringLiteral("many-scored")));
    }

    // The studio's job: progress up to 1000, finished once, the dataset
    // registered; a job destroyed while it runs is canceled and waited for,
    // leaving nothing registered.
    void scoreJobReportsAndCancels()
    {
        QVERIFY(registerSyntheticRecords(*m_ws, QStringLiteral("job"), 10000).ok());
        auto job = std::make_unique<ScoreJob>(*m_ws, ScoreRequest{QStringLiteral("linear"), QStringLiteral("job"), QString(), true});
        QSignalSpy progress(job.get(), &ScoreJob::progressChanged);
        QSignalSpy finished(job.get(), &ScoreJob::finished);
        job->start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(job->result().ok(), qPrintable(job->result().message()));
        QCOMPARE(job->result()->rows, 10000);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().first().toInt(), 1000);
        DatasetStore datasets(*m_ws);
        QCOMPARE(datasets.resolve(QStringLiteral("job-scored"))->version, 1);

        job = std::make_unique<ScoreJob>(*m_ws, ScoreRequest{QStringLiteral("ensemble"), QStringLiteral("many"), QString(), true});
        job->start();
        job.reset();
        QVERIFY(!datasets.resolve(QStringLiteral("many-scored")));
    }

    void commandLine()
    {
        const QString ws = m_ws->path();
        const QString pkg = m_dir.filePath(QStringLiteral("cli.stratus-model"));
        CliRun r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("model"), QStringLiteral("export"), QStringLiteral("ensemble"),
                     QStringLiteral("--format"), QStringLiteral("package"), QStringLiteral("--output"), pkg});
        QVERIFY2(r.code == 0, r.err.constData());
        // predict --package needs no workspace and matches predict --model.
        const QString input = testing::writeFile(m_dir, QStringLiteral("rows.csv"),
            "age,anaemia,creatinine_phosphokinase,diabetes,ejection_fraction,high_blood_pressure,platelets,serum_creatinine,serum_sodium,sex,smoking,time\n"
            "60,0,500,0,38,0,260000,1.1,137,1,0,200\n75,0,582,0,20,1,265000,1.9,130,1,0,4\n");
        const QString a = m_dir.filePath(QStringLiteral("a.csv")), b = m_dir.filePath(QStringLiteral("b.csv"));
        r = cli({QStringLiteral("predict"), QStringLiteral("--package"), pkg, QStringLiteral("--input"), input, QStringLiteral("--output"), a, QStringLiteral("--proba")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("predict"), QStringLiteral("--model"), QStringLiteral("ensemble"),
                 QStringLiteral("--input"), input, QStringLiteral("--output"), b, QStringLiteral("--proba")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(testing::readFile(a), testing::readFile(b));
        QCOMPARE(testing::readFile(a).count('\n'), 3);
        QVERIFY(!QFile::exists(QDir::tempPath() + QStringLiteral("/stratus-tst-package-none/stratus/default.stratus")));
        // Import under another name.
        QTemporaryDir other;
        r = cli({QStringLiteral("--workspace"), other.filePath(QStringLiteral("o.stratus")), QStringLiteral("model"), QStringLiteral("import"), pkg,
                 QStringLiteral("--name"), QStringLiteral("heart-moved"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("version")).toInt(), 1);
        // score: to CSV with every column plus the prediction and probabilities; or a new dataset version.
        const QString scored = m_dir.filePath(QStringLiteral("scored.csv"));
        r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("score"), QStringLiteral("--model"), QStringLiteral("linear"),
                 QStringLiteral("--dataset"), QString::fromLatin1(kSampleDatasetName), QStringLiteral("--output"), scored});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = testing::readFile(scored).split('\n');
        QVERIFY(lines.first().endsWith("DEATH_EVENT,predicted_DEATH_EVENT,proba_false,proba_true"));
        QCOMPARE(lines.size(), kSampleRows + 2); // header, rows, final newline
        r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("score"), QStringLiteral("--model"), QStringLiteral("linear"),
                 QStringLiteral("--dataset"), QString::fromLatin1(kSampleDatasetName)});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("registered dataset heart-failure-records-scored:1"));
        // ONNX: written (tst_onnx runs it in ONNX Runtime); a bad format is a usage error.
        const QString onnxFile = m_dir.filePath(QStringLiteral("x.onnx"));
        r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("model"), QStringLiteral("export"), QStringLiteral("linear"),
                 QStringLiteral("--format"), QStringLiteral("onnx"), QStringLiteral("--output"), onnxFile});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(testing::readFile(onnxFile).contains("ai.onnx.ml"));
        QVERIFY2(r.out.contains("time (double)") && r.out.contains("probabilities (float: false, true)"), r.out.constData());
        r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("model"), QStringLiteral("export"), QStringLiteral("linear"),
                 QStringLiteral("--format"), QStringLiteral("onnx"), QStringLiteral("--output"), onnxFile, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject exported = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(exported.value(QStringLiteral("inputs")).toArray().size(), 12);
        QCOMPARE(exported.value(QStringLiteral("inputs")).toArray().first().toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("double")); // age, whole years in the sample: a double, so that it can be missing (NaN)
        QCOMPARE(exported.value(QStringLiteral("outputs")).toArray().size(), 2);
        r = cli({QStringLiteral("--workspace"), ws, QStringLiteral("model"), QStringLiteral("export"), QStringLiteral("linear"),
                 QStringLiteral("--format"), QStringLiteral("pmml"), QStringLiteral("--output"), onnxFile});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--format: package or onnx"));
    }

    // Exports are built with ONNX's library and checked by its checker and
    // strict shape inference: a graph they refuse is an error naming the node.
    void onnxCheckerNamesTheNode()
    {
        onnx::Graph good;
        good.input(onnx::valueInfo(QStringLiteral("x"), onnx::Double, {-1, 1}));
        good.nodeTo("Add", {QStringLiteral("x"), good.scalar(1.0)}, {QStringLiteral("y")});
        good.output(onnx::valueInfo(QStringLiteral("y"), onnx::Double, {-1, 1}));
        QVERIFY2(good.model(QStringLiteral("good")).ok(), qPrintable(good.model(QStringLiteral("good")).message()));

        onnx::Graph typo; // a string added to a double
        typo.input(onnx::valueInfo(QStringLiteral("x"), onnx::Double, {-1, 1}));
        typo.nodeTo("Add", {QStringLiteral("x"), typo.strings({QStringLiteral("a")})}, {QStringLiteral("y")});
        typo.output(onnx::valueInfo(QStringLiteral("y"), onnx::Double, {-1, 1}));
        const auto refused = typo.model(QStringLiteral("typo"));
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(QStringLiteral("Add_y")), qPrintable(refused.message()));

        onnx::Graph unknown; // an operator ONNX does not have
        unknown.input(onnx::valueInfo(QStringLiteral("x"), onnx::Double, {-1, 1}));
        unknown.nodeTo("Addd", {QStringLiteral("x"), QStringLiteral("x")}, {QStringLiteral("y")});
        unknown.output(onnx::valueInfo(QStringLiteral("y"), onnx::Double, {-1, 1}));
        const auto unknownOp = unknown.model(QStringLiteral("unknown"));
        QVERIFY(!unknownOp);
        QVERIFY2(unknownOp.message().contains(QStringLiteral("Addd")), qPrintable(unknownOp.message()));
    }
};

QTEST_MAIN(TestPackage)
#include "tst_package.moc"
