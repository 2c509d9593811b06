// ONNX export checked with the runtime people use: every learner (and a
// VotingEnsemble and a StackEnsemble, for two classes, five classes and
// regression) is
// trained on the heart-failure data, exported, run in ONNX Runtime (the npm
// package onnxruntime-node, through tests/onnx/run_onnx.js), and its labels
// and probabilities compared with Stratus's own predictions to 1e-5. A copy
// of the data with a category, a high-cardinality code, free text and a date
// checks string inputs: one-hot and frequency encoding export, text and
// dates are refused by column unless AutoML's ONNX-compatible option
// featurized them.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "data/store/DatasetStore.h"
#include "export/onnx/OnnxExport.h"
#include "ml/automl/ModelRegistration.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"
#include "TestSupport.h"
#include "TrainSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace stratus;

namespace {

const QString kRuntime = QStringLiteral(STRATUS_ONNX_RUNTIME);
const QString kMixed = QStringLiteral("heart-mixed");
const QString kHoles = QStringLiteral("heart-holes");

// How a case is trained: the learners, and which model of the run is registered.
enum class Pick { Best, Voting, Stack, Family };

QString ensembleName(Pick pick)
{
    return pick == Pick::Voting ? QStringLiteral("VotingEnsemble")
           : pick == Pick::Stack ? QStringLiteral("StackEnsemble")
                                 : QStringLiteral("BestOfFamilyEnsemble");
}

} // namespace

class TestOnnx : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_dataset;

    // Trains on `dataset` and registers the run's best model, or its
    // VotingEnsemble or StackEnsemble child, as `name`.
    void train(const QString &name, const QString &dataset, const QString &label, const QStringList &algorithms, Pick pick,
               bool onnxCompatible = false)
    {
        ml::AutoMLConfig c;
        c.dataset = dataset;
        c.label = label;
        c.task = label == QLatin1String("ejection_fraction") ? ml::Task::Regression : ml::Task::Classification;
        c.maxTrials = pick == Pick::Best ? 1 : 6;
        c.crossValidations = 3;
        c.seed = 5;
        c.allowedAlgorithms = algorithms;
        c.votingEnsemble = pick == Pick::Voting || pick == Pick::Family; // the family blend comes with the voting one
        c.stackEnsemble = pick == Pick::Stack;
        c.onnxCompatible = onnxCompatible;
        const auto parent = testing::runAutoML(*m_ws, c);
        QVERIFY2(parent.ok(), qPrintable(parent.message()));
        QString runId = *parent;
        if (pick != Pick::Best) {
            const QString ensemble = ensembleName(pick);
            runId.clear();
            const auto children = RunStore(*m_ws).children(*parent);
            QVERIFY(children.ok());
            for (const Run &child : *children)
                if (child.algorithm == ensemble && child.status == RunStatus::Completed)
                    runId = child.id;
            QVERIFY2(!runId.isEmpty(), qPrintable(ensemble + QStringLiteral(" did not complete")));
        }
        auto registered = ml::registerRunModel(*m_ws, runId, name);
        QVERIFY2(registered.ok(), qPrintable(registered.message()));
    }

    // {"column": {"type", "values"}} for run_onnx.js, from the table's rows.
    static QByteArray inputs(const ml::TrainedPipeline &pipeline, const DataTable &rows)
    {
        QJsonObject o;
        for (const auto &[name, type] : pipeline.inputColumns()) {
            const DataColumn &c = rows.columns[size_t(rows.indexOf(name))];
            QJsonArray values;
            for (size_t r = 0; r < rows.rowCount; ++r) {
                if (!c.isNumeric()) {
                    values.append(c.codes[r] < 0 ? QString() : QString::fromStdString(c.dictionary[size_t(c.codes[r])]));
                    continue;
                }
                // Every number (integers and booleans too) as a double, NaN for a missing value.
                const double v = c.numbers[r];
                values.append(std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v));
            }
            o.insert(name, QJsonObject{{QStringLiteral("type"), isNumericType(type) ? QStringLiteral("double") : QStringLiteral("string")},
                                       {QStringLiteral("values"), values}});
        }
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    // The heart-failure rows with four more columns: a category with missing
    // values (one-hot), a code of 37 values (frequency), a free-text note and
    // an admission date. With `holes`, a value is also missing here and there
    // in an integer, a boolean, a decimal, the code and the note column.
    QByteArray mixedCsv(const DataTable &t, bool holes = false) const
    {
        const auto hole = [holes](const QString &column, size_t r) {
            static const QHash<QString, int> every = {{QStringLiteral("creatinine_phosphokinase"), 11}, {QStringLiteral("anaemia"), 17},
                                                      {QStringLiteral("serum_creatinine"), 19}, {QStringLiteral("ward"), 29},
                                                      {QStringLiteral("note"), 23}};
            return holes && every.contains(column) && r % size_t(every.value(column)) == 5;
        };
        QByteArray csv;
        for (const DataColumn &c : t.columns)
            csv += c.name.toUtf8() + ',';
        csv += "age_band,ward,note,admitted\n";
        const int age = t.indexOf(QStringLiteral("age")), platelets = t.indexOf(QStringLiteral("platelets"));
        for (size_t r = 0; r < t.rowCount; ++r) {
            for (const DataColumn &c : t.columns)
                csv += (std::isnan(c.numbers[r]) || hole(c.name, r) ? QString() : QString::number(c.numbers[r], 'g', 17)).toUtf8() + ',';
            const double years = t.columns[size_t(age)].numbers[r];
            const char *band = r % 13 == 0 ? "" : years < 50 ? "under 50" : years < 60 ? "50s" : years < 70 ? "60s" : years < 80 ? "70s" : "80+";
            const int code = int(t.columns[size_t(platelets)].numbers[r] / 1000) % 37;
            const QString ward = hole(QStringLiteral("ward"), r) ? QString() : QStringLiteral("ward-%1").arg(code);
            const QString note = hole(QStringLiteral("note"), r)
                                     ? QString()
                                     : QStringLiteral("\"Follow-up visit %1 of patient %2, reviewed by the cardiology team\"").arg(r % 7).arg(r);
            csv += QStringLiteral("%1,%2,%3,2015-%4-%5T08:30:00\n")
                       .arg(QLatin1String(band), ward, note)
                       .arg(r % 12 + 1, 2, 10, QLatin1Char('0'))
                       .arg(r % 28 + 1, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        }
        return csv;
    }

    // Exports `name`, runs it in ONNX Runtime on every row of `dataset`, and
    // returns the largest difference from Stratus's predictions (or why not).
    Result<double> compareWithRuntime(const QString &name, const QString &dataset)
    {
        auto pipeline = ml::TrainedPipeline::fromModel(*m_ws, name);
        if (!pipeline)
            return pipeline.error();
        DatasetStore datasets(*m_ws);
        const DataTable rows = *datasets.loadTable(*datasets.resolve(dataset));
        const QString model = m_dir.filePath(name + QStringLiteral(".onnx"));
        const auto exported = onnx::exportModel(*m_ws, name, model);
        if (!exported)
            return Error{QStringLiteral("export: ") + exported.message()};
        const QString input = testing::writeFile(m_dir, name + QStringLiteral(".json"), inputs(*pipeline, rows));
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), kRuntime);
        node.setProcessEnvironment(env);
        node.start(QStringLiteral("node"), {QStringLiteral(STRATUS_SOURCE_DIR "/tests/onnx/run_onnx.js"), model, input});
        if (!node.waitForFinished(120000) || node.exitCode() != 0)
            return Error{QStringLiteral("ONNX Runtime: ") + QString::fromUtf8(node.readAllStandardError())};
        const QJsonObject out = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        const std::vector<double> expected = *pipeline->predict(rows);
        double worst = 0;
        if (pipeline->task() == ml::Task::Classification) {
            const QJsonArray probabilities = out.value(QStringLiteral("probabilities")).toObject().value(QStringLiteral("data")).toArray();
            const QJsonArray labels = out.value(QStringLiteral("label")).toObject().value(QStringLiteral("data")).toArray();
            if (size_t(probabilities.size()) != expected.size() || size_t(labels.size()) != rows.rowCount)
                return Error{QStringLiteral("ONNX Runtime gave %1 probabilities and %2 labels").arg(probabilities.size()).arg(labels.size())};
            const QStringList &classes = pipeline->classes();
            const size_t k = size_t(classes.size());
            for (size_t r = 0; r < rows.rowCount; ++r) {
                const double *p = expected.data() + r * k;
                for (size_t c = 0; c < k; ++c)
                    worst = std::max(worst, std::abs(probabilities[qsizetype(r * k + c)].toDouble() - p[c]));
                std::vector<double> sorted(p, p + k);
                std::sort(sorted.rbegin(), sorted.rend());
                const auto top = size_t(std::max_element(p, p + k) - p);
                if (sorted[0] - sorted[1] > 1e-5 // a tie may go either way
                    && labels[qsizetype(r)].toString() != classes[qsizetype(top)])
                    return Error{QStringLiteral("row %1: ONNX Runtime's label is %2").arg(r).arg(labels[qsizetype(r)].toString())};
            }
        } else {
            const QJsonArray values = out.value(QStringLiteral("variable")).toObject().value(QStringLiteral("data")).toArray();
            if (size_t(values.size()) != expected.size())
                return Error{QStringLiteral("ONNX Runtime gave %1 values").arg(values.size())};
            for (size_t r = 0; r < expected.size(); ++r) // relative to the values' size
                worst = std::max(worst, std::abs(values[qsizetype(r)].toDouble() - expected[r]) / std::max(1.0, std::abs(expected[r])));
        }
        qInfo("%s: largest difference from ONNX Runtime %.3g over %zu rows", qPrintable(name), worst, rows.rowCount);
        return worst;
    }

    // The actions of the registered model's featurization, by column.
    QHash<QString, QString> featurization(const QString &name) const
    {
        ModelStore models(*m_ws);
        const QJsonObject pipeline = QJsonDocument::fromJson(*models.pipeline(*models.resolve(name))).object();
        QHash<QString, QString> actions;
        for (const QJsonValue &m : pipeline.value(QStringLiteral("members")).toArray())
            for (const QJsonValue &s : m.toObject().value(QStringLiteral("featurizer")).toObject().value(QStringLiteral("summary")).toArray())
                actions.insert(s.toObject().value(QStringLiteral("column")).toString(), s.toObject().value(QStringLiteral("action")).toString());
        return actions;
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
        const QString mixed = testing::writeFile(m_dir, QStringLiteral("mixed.csv"), mixedCsv(*datasets.loadTable(*datasets.resolve(m_dataset))));
        RegisterRequest request;
        request.name = kMixed;
        const auto imported = importDataset(*m_ws, mixed, {}, request);
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        const QString holes = testing::writeFile(m_dir, QStringLiteral("holes.csv"), mixedCsv(*datasets.loadTable(*datasets.resolve(m_dataset)), true));
        request.name = kHoles;
        QVERIFY2(importDataset(*m_ws, holes, {}, request).ok(), "the data with missing values");
    }

    void matchesOnnxRuntime_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("algorithms");
        QTest::addColumn<int>("pick");
        const QString death = QStringLiteral("DEATH_EVENT"), ejection = QStringLiteral("ejection_fraction");
        for (const char *learner : {"LogisticRegression", "XGBoostClassifier", "RandomForest", "ExtremeRandomTrees", "SVM", "LinearSVM",
                                    "KNN", "MLP", "BernoulliNaiveBayes"})
            QTest::newRow(learner) << death << QStringList{QString::fromLatin1(learner)} << int(Pick::Best);
        QTest::newRow("VotingEnsemble")
            << death << QStringList{QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier"), QStringLiteral("RandomForest")}
            << int(Pick::Voting);
        QTest::newRow("StackEnsemble") << death
                                       << QStringList{QStringLiteral("LogisticRegression"), QStringLiteral("SVM"), QStringLiteral("KNN"),
                                                      QStringLiteral("ExtremeRandomTrees")}
                                       << int(Pick::Stack);
        QTest::newRow("BestOfFamilyEnsemble")
            << death << QStringList{QStringLiteral("RandomForest"), QStringLiteral("XGBoostClassifier"), QStringLiteral("ExtremeRandomTrees")}
            << int(Pick::Family);
        for (const char *learner : {"XGBoostRegressor", "ExtremeRandomTrees", "ElasticNet", "KernelRidge", "KNN", "MLP"})
            QTest::newRow(qPrintable(QStringLiteral("%1Regressor").arg(QLatin1String(learner)).replace(QStringLiteral("RegressorRegressor"), QStringLiteral("Regressor"))))
                << ejection << QStringList{QString::fromLatin1(learner)} << int(Pick::Best);
        QTest::newRow("StackEnsembleRegressor") << ejection << QStringList{QStringLiteral("ElasticNet"), QStringLiteral("KernelRidge"),
                                                                       QStringLiteral("XGBoostRegressor")}
                                                << int(Pick::Stack);
        QTest::newRow("BestOfFamilyEnsembleRegressor") << ejection << QStringList{QStringLiteral("ElasticNet"), QStringLiteral("KNN"),
                                                                              QStringLiteral("XGBoostRegressor")}
                                                       << int(Pick::Family);
    }

    void matchesOnnxRuntime()
    {
        QFETCH(QString, label);
        QFETCH(QStringList, algorithms);
        QFETCH(int, pick);
        const QString name = QString::fromLatin1(QTest::currentDataTag());
        train(name, m_dataset, label, algorithms, Pick(pick));
        if (Pick(pick) != Pick::Best)
            QCOMPARE(ml::TrainedPipeline::fromModel(*m_ws, name)->algorithm(), ensembleName(Pick(pick)));
        else
            QCOMPARE(ml::TrainedPipeline::fromModel(*m_ws, name)->algorithm(), algorithms.first());
        const auto worst = compareWithRuntime(name, m_dataset);
        QVERIFY2(worst.ok(), qPrintable(worst.message()));
        QVERIFY2(*worst < 1e-5, qPrintable(QString::number(*worst)));
    }

    // Five classes (the age band, on the mixed data with the ONNX-compatible
    // option): softmax, one-vs-rest and per-class votes.
    void multiclassMatchesOnnxRuntime_data()
    {
        QTest::addColumn<QStringList>("algorithms");
        QTest::addColumn<int>("pick");
        for (const char *learner : {"LogisticRegression", "XGBoostClassifier", "RandomForest", "ExtremeRandomTrees", "SVM", "LinearSVM",
                                    "KNN", "MLP", "BernoulliNaiveBayes"})
            QTest::newRow(learner) << QStringList{QString::fromLatin1(learner)} << int(Pick::Best);
        QTest::newRow("StackEnsemble") << QStringList{QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier"),
                                                      QStringLiteral("KNN")}
                                       << int(Pick::Stack);
    }

    void multiclassMatchesOnnxRuntime()
    {
        QFETCH(QStringList, algorithms);
        QFETCH(int, pick);
        const QString name = QStringLiteral("band-") + QString::fromLatin1(QTest::currentDataTag());
        train(name, kMixed, QStringLiteral("age_band"), algorithms, Pick(pick), true);
        QCOMPARE(ml::TrainedPipeline::fromModel(*m_ws, name)->classes().size(), 5);
        const auto worst = compareWithRuntime(name, kMixed);
        QVERIFY2(worst.ok(), qPrintable(worst.message()));
        QVERIFY2(*worst < 1e-5, qPrintable(QString::number(*worst)));
    }

    // Categories (one-hot, with missing values) and a high-cardinality code
    // (frequency) export as string inputs; with the ONNX-compatible option the
    // note is frequency-encoded without its length and the date dropped.
    void stringColumnsMatchOnnxRuntime()
    {
        train(QStringLiteral("mixed"), kMixed, QStringLiteral("DEATH_EVENT"),
              {QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier"), QStringLiteral("KNN")}, Pick::Voting, true);
        const QHash<QString, QString> actions = featurization(QStringLiteral("mixed"));
        QCOMPARE(actions.value(QStringLiteral("age_band")), QStringLiteral("one-hot"));
        QCOMPARE(actions.value(QStringLiteral("ward")), QStringLiteral("frequency (high cardinality)"));
        QCOMPARE(actions.value(QStringLiteral("note")), QStringLiteral("text: frequency (no length, for ONNX)"));
        QVERIFY2(actions.value(QStringLiteral("admitted")).startsWith(QStringLiteral("dropped: datetime")),
                 qPrintable(actions.value(QStringLiteral("admitted"))));
        const auto worst = compareWithRuntime(QStringLiteral("mixed"), kMixed);
        QVERIFY2(worst.ok(), qPrintable(worst.message()));
        QVERIFY2(*worst < 1e-5, qPrintable(QString::number(*worst)));
    }

    // Every input can carry every value the pipeline accepts, missing
    // included: rows with a missing integer, boolean, decimal, category, code
    // and text score in ONNX Runtime as in Stratus (numbers as doubles with
    // NaN, strings as "").
    void missingValuesInEveryKindMatchOnnxRuntime_data()
    {
        QTest::addColumn<QStringList>("algorithms");
        QTest::addColumn<int>("pick");
        for (const char *learner : {"LogisticRegression", "XGBoostClassifier", "RandomForest", "KNN"})
            QTest::newRow(learner) << QStringList{QString::fromLatin1(learner)} << int(Pick::Best);
        QTest::newRow("VotingEnsemble") << QStringList{QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier"),
                                                       QStringLiteral("ExtremeRandomTrees")}
                                        << int(Pick::Voting);
    }

    void missingValuesInEveryKindMatchOnnxRuntime()
    {
        QFETCH(QStringList, algorithms);
        QFETCH(int, pick);
        DatasetStore datasets(*m_ws);
        const DataTable rows = *datasets.loadTable(*datasets.resolve(kHoles));
        QSet<ColumnType> holed;
        for (const DataColumn &c : rows.columns)
            for (size_t r = 0; r < rows.rowCount; ++r)
                if (c.isMissing(r))
                    holed.insert(c.type);
        QCOMPARE(holed, (QSet<ColumnType>{ColumnType::Integer, ColumnType::Boolean, ColumnType::Decimal, ColumnType::Categorical,
                                          ColumnType::Text}));
        const QString name = QStringLiteral("holes-") + QString::fromLatin1(QTest::currentDataTag());
        train(name, kHoles, QStringLiteral("DEATH_EVENT"), algorithms, Pick(pick), true);
        const auto worst = compareWithRuntime(name, kHoles);
        QVERIFY2(worst.ok(), qPrintable(worst.message()));
        QVERIFY2(*worst < 1e-5, qPrintable(QString::number(*worst)));
    }

    // Every export passed ONNX's own checker and strict shape inference (in
    // the export itself); the report says how each kind of column is fed.
    void exportReportsInputTypes()
    {
        train(QStringLiteral("report"), kHoles, QStringLiteral("DEATH_EVENT"), {QStringLiteral("LogisticRegression")}, Pick::Best, true);
        const auto exported = onnx::exportModel(*m_ws, QStringLiteral("report"), m_dir.filePath(QStringLiteral("report.onnx")));
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        QHash<QString, QString> types;
        for (const auto &[name, type] : exported->inputs)
            types.insert(name, type);
        QCOMPARE(types.value(QStringLiteral("age")), QStringLiteral("double"));
        QCOMPARE(types.value(QStringLiteral("anaemia")), QStringLiteral("double")); // 1 true, 0 false
        QCOMPARE(types.value(QStringLiteral("age_band")), QStringLiteral("string"));
    }

    // Without the option, the note's length and the date's parts cannot be
    // computed in ONNX: the export names the column and what to do, and
    // writes nothing.
    void textAndDatesAreNamed()
    {
        train(QStringLiteral("mixed-auto"), kMixed, QStringLiteral("DEATH_EVENT"), {QStringLiteral("LogisticRegression")}, Pick::Best);
        const QHash<QString, QString> actions = featurization(QStringLiteral("mixed-auto"));
        QCOMPARE(actions.value(QStringLiteral("note")), QStringLiteral("text: frequency and length"));
        const QString path = m_dir.filePath(QStringLiteral("mixed-auto.onnx"));
        const auto s = onnx::exportModel(*m_ws, QStringLiteral("mixed-auto"), path);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("column 'note' is text-encoded")) || s.message().contains(QStringLiteral("column 'admitted' is datetime-encoded")),
                 qPrintable(s.message()));
        QVERIFY2(s.message().contains(QStringLiteral("ONNX-compatible")), qPrintable(s.message()));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestOnnx)
#include "tst_onnx.moc"
