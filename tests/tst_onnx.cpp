// ONNX export checked with the runtime people use: each exportable learner
// (and a VotingEnsemble, and a regression) is trained on the heart-failure
// data, exported, run in ONNX Runtime (the npm package onnxruntime-node,
// through tests/onnx/run_onnx.js), and its labels and probabilities compared
// with Stratus's own predictions to 1e-5; a learner that cannot be exported
// gets an error naming it.
#include "AutoMLRun.h"
#include "DatasetImport.h"
#include "DatasetStore.h"
#include "ModelStore.h"
#include "OnnxExport.h"
#include "SampleData.h"
#include "TestSupport.h"
#include "TrainedPipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace stratus;

namespace {

const QString kRuntime = QStringLiteral(STRATUS_ONNX_RUNTIME);

} // namespace

class TestOnnx : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_dataset;
    DataTable m_rows;

    // Trains one model and registers it as `name`.
    void train(const QString &name, const QString &label, const QStringList &algorithms, bool voting)
    {
        ml::AutoMLConfig c;
        c.dataset = m_dataset;
        c.label = label;
        c.task = label == QLatin1String("DEATH_EVENT") ? ml::Task::Classification : ml::Task::Regression;
        c.maxTrials = voting ? 6 : 1;
        c.crossValidations = 3;
        c.seed = 5;
        c.allowedAlgorithms = algorithms;
        c.votingEnsemble = voting;
        c.stackEnsemble = false;
        ml::AutoMLRun run(*m_ws, c);
        QSignalSpy finished(&run, &ml::AutoMLRun::finished);
        QVERIFY(run.start().ok());
        QVERIFY(finished.wait(180000));
        QVERIFY(ModelStore(*m_ws).registerModel(run.parentId(), name).ok());
    }

    // {"column": {"type", "values"}} for run_onnx.js, from the table's rows.
    QByteArray inputs(const ml::TrainedPipeline &pipeline) const
    {
        QJsonObject o;
        for (const auto &[name, type] : pipeline.inputColumns()) {
            const DataColumn &c = m_rows.columns[size_t(m_rows.indexOf(name))];
            QJsonArray values;
            for (size_t r = 0; r < m_rows.rowCount; ++r) {
                const double v = c.numbers[r];
                if (type == ColumnType::Boolean)
                    values.append(v != 0);
                else if (std::isnan(v))
                    values.append(QJsonValue::Null);
                else
                    values.append(v);
            }
            o.insert(name, QJsonObject{{QStringLiteral("type"), type == ColumnType::Integer   ? QStringLiteral("int64")
                                                                 : type == ColumnType::Boolean ? QStringLiteral("bool")
                                                                                               : QStringLiteral("double")},
                                       {QStringLiteral("values"), values}});
        }
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase()
    {
        if (!QFile::exists(kRuntime + QStringLiteral("/onnxruntime-node")))
            QSKIP("ONNX Runtime for Node is not installed (./setup.sh test installs it: npm install --ignore-scripts onnxruntime-node)");
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QSKIP("node is not installed");
        m_ws = testing::newWorkspace(m_dir);
        if (QFile::exists(testing::sharedHeartFailureCsv())) {
            RegisterRequest request;
            request.name = QStringLiteral("heart-failure");
            QVERIFY(importDataset(*m_ws, testing::sharedHeartFailureCsv(), {}, request).ok());
            m_dataset = request.name;
        } else {
            qInfo("../shared/data is absent: the synthetic sample stands in for the heart-failure file");
            QVERIFY(registerSampleDataset(*m_ws).ok());
            m_dataset = QString::fromLatin1(kSampleDatasetName);
        }
        DatasetStore datasets(*m_ws);
        m_rows = *datasets.loadTable(*datasets.resolve(m_dataset));
    }

    void matchesOnnxRuntime_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("algorithms");
        QTest::addColumn<bool>("voting");
        const QString death = QStringLiteral("DEATH_EVENT");
        QTest::newRow("LogisticRegression") << death << QStringList{QStringLiteral("LogisticRegression")} << false;
        QTest::newRow("XGBoostClassifier") << death << QStringList{QStringLiteral("XGBoostClassifier")} << false;
        QTest::newRow("RandomForest") << death << QStringList{QStringLiteral("RandomForest")} << false;
        QTest::newRow("ExtremeRandomTrees") << death << QStringList{QStringLiteral("ExtremeRandomTrees")} << false;
        QTest::newRow("VotingEnsemble")
            << death << QStringList{QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier"), QStringLiteral("RandomForest")}
            << true;
        QTest::newRow("XGBoostRegressor") << QStringLiteral("ejection_fraction") << QStringList{QStringLiteral("XGBoostRegressor")} << false;
        QTest::newRow("ExtremeRandomTreesRegressor") << QStringLiteral("ejection_fraction") << QStringList{QStringLiteral("ExtremeRandomTrees")}
                                                       << false;
    }

    void matchesOnnxRuntime()
    {
        QFETCH(QString, label);
        QFETCH(QStringList, algorithms);
        QFETCH(bool, voting);
        const QString name = QString::fromLatin1(QTest::currentDataTag());
        train(name, label, algorithms, voting);
        auto pipeline = ml::TrainedPipeline::fromModel(*m_ws, name);
        QVERIFY(pipeline.ok());
        if (voting)
            QCOMPARE(pipeline->algorithm(), QStringLiteral("VotingEnsemble"));
        const QString model = m_dir.filePath(name + QStringLiteral(".onnx"));
        const Status exported = onnx::exportModel(*m_ws, name, model);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        const QString input = testing::writeFile(m_dir, name + QStringLiteral(".json"), inputs(*pipeline));

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), kRuntime);
        node.setProcessEnvironment(env);
        node.start(QStringLiteral("node"), {QStringLiteral(STRATUS_SOURCE_DIR "/tests/onnx/run_onnx.js"), model, input});
        QVERIFY(node.waitForFinished(120000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        const QJsonObject out = QJsonDocument::fromJson(node.readAllStandardOutput()).object();

        const std::vector<double> expected = *pipeline->predict(m_rows);
        double worst = 0;
        if (label == QLatin1String("DEATH_EVENT")) {
            const QJsonArray probabilities = out.value(QStringLiteral("probabilities")).toObject().value(QStringLiteral("data")).toArray();
            const QJsonArray labels = out.value(QStringLiteral("label")).toObject().value(QStringLiteral("data")).toArray();
            QCOMPARE(size_t(probabilities.size()), expected.size());
            QCOMPARE(size_t(labels.size()), m_rows.rowCount);
            const QStringList &classes = pipeline->classes();
            for (size_t r = 0; r < m_rows.rowCount; ++r) {
                for (size_t k = 0; k < 2; ++k)
                    worst = std::max(worst, std::abs(probabilities[qsizetype(2 * r + k)].toDouble() - expected[2 * r + k]));
                if (std::abs(expected[2 * r] - expected[2 * r + 1]) > 1e-5) // a tie may go either way
                    QCOMPARE(labels[qsizetype(r)].toString(), classes[expected[2 * r + 1] > expected[2 * r] ? 1 : 0]);
            }
        } else {
            const QJsonArray values = out.value(QStringLiteral("variable")).toObject().value(QStringLiteral("data")).toArray();
            QCOMPARE(size_t(values.size()), expected.size());
            for (size_t r = 0; r < expected.size(); ++r) // relative to the values' size
                worst = std::max(worst, std::abs(values[qsizetype(r)].toDouble() - expected[r]) / std::max(1.0, std::abs(expected[r])));
        }
        qInfo("%s: largest difference from ONNX Runtime %.3g over %zu rows", qPrintable(name), worst, m_rows.rowCount);
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    }

    void unsupportedLearnerIsNamed()
    {
        train(QStringLiteral("knn"), QStringLiteral("DEATH_EVENT"), {QStringLiteral("KNN")}, false);
        const Status s = onnx::exportModel(*m_ws, QStringLiteral("knn"), m_dir.filePath(QStringLiteral("knn.onnx")));
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("KNN cannot be exported to ONNX")), qPrintable(s.message()));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("knn.onnx"))));
    }
};

QTEST_MAIN(TestOnnx)
#include "tst_onnx.moc"
