// stratus-cli as scripts use it: commands, --json output, exit codes, errors
// on stderr, and finding the workspace through stratus.json.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using Run = testing::CliRun;

Run cli(const QStringList &args, const QString &folder = QString())
{
    return testing::runCli(args, folder);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString ws() const { return m_dir.filePath(QStringLiteral("cli.stratus")); }
    QStringList with(QStringList args) const { return QStringList{QStringLiteral("--workspace"), ws()} + args; }

private slots:
    void datasets()
    {
        REQUIRE_SHARED_DATA();
        Run r = cli(with({"dataset", "import", testing::sharedHeartFailureCsv(), "--name", "heart", "--description",
                          "UCI heart failure", "--tags", "source=uci,label=DEATH_EVENT"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("Registered dataset heart:1 (299 rows, 13 columns)"));

        r = cli(with({"dataset", "list", "--json"}));
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 3); // the two sample datasets of a new workspace, and heart
        QJsonObject heart;
        for (const auto &v : list) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("heart"))
                heart = v.toObject();
        }
        QCOMPARE(heart.value(QStringLiteral("latest_version")).toInt(), 1);
        QCOMPARE(heart.value(QStringLiteral("rows")).toInt(), 299);
        QCOMPARE(heart.value(QStringLiteral("columns")).toInt(), 13);

        r = cli(with({"dataset", "show", "heart:1", "--json"}));
        QCOMPARE(r.code, 0);
        const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(QStringLiteral("rows")).toInt(), 299);
        QCOMPARE(shown.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(shown.value(QStringLiteral("tags")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("uci"));
        const QJsonArray columns = shown.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 13);
        const QJsonObject age = columns.at(0).toObject();
        QCOMPARE(age.value(QStringLiteral("name")).toString(), QStringLiteral("age"));
        QCOMPARE(age.value(QStringLiteral("type")).toString(), QStringLiteral("decimal"));
        QVERIFY(qAbs(age.value(QStringLiteral("mean")).toDouble() - 60.8339) < 1e-3);
        QCOMPARE(age.value(QStringLiteral("quantiles")).toObject().value(QStringLiteral("50%")).toDouble(), 60.0);
        QCOMPARE(columns.at(12).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("boolean"));

        r = cli(with({"dataset", "show", "heart"}));
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("serum_creatinine"));
        QVERIFY(r.out.contains("COLUMN"));

        r = cli(with({"dataset", "sample", "--rows", "1000", "--name", "bigger"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("bigger:1 (1000 rows, 13 columns)"));
    }

    void importChoices()
    {
        const QString path = testing::writeFile(m_dir, QStringLiteral("semi.csv"), "zip;price;note\n01;1,5;x\n02;2,25;y\n");
        Run r = cli(with({"dataset", "import", path, "--name", "semi", "--type", "zip=categorical", "--ignore",
                          "note", "--json"}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject v = QJsonDocument::fromJson(r.out).object();
        const QJsonArray columns = v.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 2);
        QCOMPARE(columns.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("categorical"));
        QCOMPARE(columns.at(1).toObject().value(QStringLiteral("mean")).toDouble(), 1.875);
        QCOMPARE(v.value(QStringLiteral("dialect")).toObject().value(QStringLiteral("delimiter")).toString(),
                 QStringLiteral(";"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad file") << QStringList{"dataset", "import", "%DIR%/ragged.csv", "--name", "r"} << 1
                                  << "ragged.csv: line 3: expected 2 fields";
        QTest::newRow("missing file") << QStringList{"dataset", "import", "%DIR%/none.csv", "--name", "r"} << 1
                                      << "none.csv: cannot open the file";
        QTest::newRow("no name") << QStringList{"dataset", "import", "%DIR%/ragged.csv"} << 2 << "usage: dataset import";
        QTest::newRow("unknown dataset") << QStringList{"dataset", "show", "nope"} << 1 << "no dataset named 'nope'";
        QTest::newRow("bad type") << QStringList{"dataset", "import", "%DIR%/ragged.csv", "--name", "r", "--type", "a=number"}
                                  << 2 << "--type entry 'a=number'";
        QTest::newRow("unknown option") << QStringList{"dataset", "list", "--colour"} << 2 << "unknown option --colour";
        QTest::newRow("option of another command") << QStringList{"dataset", "list", "--rows", "3"} << 2
                                                   << "this command does not take --rows";
        QTest::newRow("unknown group") << QStringList{"datasets", "list"} << 2 << "unknown command group 'datasets'";
        QTest::newRow("bad compute name") << QStringList{"compute", "create", "1x"} << 1 << "2 to 16 characters";
        QTest::newRow("bad concurrency") << QStringList{"compute", "create", "cpu", "--max-concurrent", "many"} << 2
                                         << "--max-concurrent must be a whole number";
        QTest::newRow("bad experiment") << QStringList{"experiment", "create", "x"} << 1 << "3 to 36 characters";
        QTest::newRow("delete unknown") << QStringList{"compute", "delete", "nothing"} << 1 << "no compute profile";
    }
    void errors()
    {
        testing::writeFile(m_dir, QStringLiteral("ragged.csv"), "a,b\n1,2\n3\n");
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("%DIR%"), m_dir.path());
        Run r = cli(with(args));
        QCOMPARE(r.code, code);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void computeAndExperiments()
    {
        Run r = cli(with({"compute", "create", "cpu-cluster", "--max-concurrent", "4", "--threads-per-trial", "2",
                          "--memory-mb", "1024", "--priority", "low", "--description", "lesson cluster"}));
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli(with({"compute", "list", "--json"}));
        QCOMPARE(r.code, 0);
        QJsonObject cluster;
        for (const auto &v : QJsonDocument::fromJson(r.out).array()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("cpu-cluster"))
                cluster = v.toObject();
        }
        QCOMPARE(cluster.value(QStringLiteral("max_concurrent")).toInt(), 4);
        QCOMPARE(cluster.value(QStringLiteral("threads_per_trial")).toInt(), 2);
        QCOMPARE(cluster.value(QStringLiteral("memory_mb")).toInt(), 1024);
        QCOMPARE(cluster.value(QStringLiteral("priority")).toString(), QStringLiteral("low"));
        QCOMPARE(cli(with({"compute", "update", "cpu-cluster", "--max-concurrent", "2"})).code, 0);
        QVERIFY(cli(with({"compute", "list"})).out.contains("cpu-cluster"));
        QCOMPARE(cli(with({"compute", "delete", "cpu-cluster"})).code, 0);
        QVERIFY(!cli(with({"compute", "list"})).out.contains("cpu-cluster"));

        r = cli(with({"experiment", "create", "heart-failure-exp"}));
        QVERIFY(r.out.contains("Created experiment"));
        r = cli(with({"experiment", "create", "heart-failure-exp"}));
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("already exists"));
        r = cli(with({"experiment", "list", "--json"}));
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("runs")).toInt(), 0);
    }

    void automlAndRuns()
    {
        Run r = cli(with({"automl", "--dataset", "heart-failure-records", "--label", "DEATH_EVENT", "--max-trials", "3",
                          "--cv", "3", "--seed", "5", "--experiment", "cli-automl", "--json"}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        const QString parent = result.value(QStringLiteral("parent_run_id")).toString();
        QVERIFY(parent.startsWith(QStringLiteral("AutoML_")));
        QVERIFY(result.value(QStringLiteral("best_child_run_id")).toString().startsWith(parent + QLatin1Char('_')));
        const QJsonArray board = result.value(QStringLiteral("leaderboard")).toArray();
        QCOMPARE(board.size(), 6); // 3 trials, the VotingEnsemble, the StackEnsemble and the BestOfFamilyEnsemble
        QStringList ensembles;
        for (const QJsonValue &row : board) {
            if (row.toObject().value(QStringLiteral("algorithm")).toString().endsWith(QLatin1String("Ensemble")))
                ensembles << row.toObject().value(QStringLiteral("algorithm")).toString();
        }
        ensembles.sort();
        QCOMPARE(ensembles, QStringList({"BestOfFamilyEnsemble", "StackEnsemble", "VotingEnsemble"}));
        // The leaderboard is ranked by the primary metric; the model handed back is in it.
        for (int i = 1; i < board.size(); ++i)
            QVERIFY(board.at(i - 1).toObject().value(QStringLiteral("AUC_weighted")).toDouble()
                    >= board.at(i).toObject().value(QStringLiteral("AUC_weighted")).toDouble());
        QJsonObject best;
        for (const QJsonValue &row : board) {
            if (row.toObject().value(QStringLiteral("run_id")) == result.value(QStringLiteral("best_child_run_id")))
                best = row.toObject();
        }
        QCOMPARE(best.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
        QVERIFY(best.value(QStringLiteral("duration_seconds")).isDouble());
        QVERIFY(best.value(QStringLiteral("AUC_weighted")).toDouble() > 0.7);
        QVERIFY(best.contains(QStringLiteral("norm_macro_recall")));
        QCOMPARE(best.value(QStringLiteral("algorithm")).toString(), QStringLiteral("BestOfFamilyEnsemble"));

        r = cli(with({"runs", "show", parent, "--json"}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
        QCOMPARE(shown.value(QStringLiteral("experiment")).toString(), QStringLiteral("cli-automl"));
        QCOMPARE(shown.value(QStringLiteral("children")).toArray().size(), 6);
        r = cli(with({"runs", "list"}));
        QVERIFY(r.out.contains(parent.toUtf8()));
        // A completed run has its ensembles: building them afterwards is refused, saying why.
        r = cli(with({"runs", "ensemble", parent}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("Only a canceled or interrupted run"), r.err.constData());

        // Predict new rows with the run's best model: as the lesson's request, values as words.
        const QString input = testing::writeFile(m_dir, QStringLiteral("new.csv"),
            "age,anaemia,creatinine_phosphokinase,diabetes,ejection_fraction,high_blood_pressure,platelets,"
            "serum_creatinine,serum_sodium,sex,smoking,time\n"
            "60,false,500,false,38,false,260000,1.1,137,true,false,200\n"
            "75,true,582,true,20,true,265000,1.9,130,true,false,4\n");
        const QString output = m_dir.filePath(QStringLiteral("predicted.csv"));
        r = cli(with({"predict", "--run", parent, "--input", input, "--output", output, "--proba"}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = testing::readFile(output).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray("DEATH_EVENT,proba_false,proba_true"));
        const QList<QByteArray> first = lines[1].split(',');
        QVERIFY(first[0] == "false" || first[0] == "true");
        QVERIFY(std::abs(first[1].toDouble() + first[2].toDouble() - 1) < 1e-6);
        QCOMPARE(first[0] == "true", first[2].toDouble() > first[1].toDouble());
        // A decimal in a column the model trained on as whole numbers is still a number.
        const QString decimal = testing::writeFile(m_dir, QStringLiteral("decimal.csv"),
            "age,anaemia,creatinine_phosphokinase,diabetes,ejection_fraction,high_blood_pressure,platelets,"
            "serum_creatinine,serum_sodium,sex,smoking,time\n"
            "60.667,false,500,false,38,false,263358.03,1.1,137,true,false,200\n");
        const QString decimalOut = m_dir.filePath(QStringLiteral("decimal-predicted.csv"));
        r = cli(with({"predict", "--run", parent, "--input", decimal, "--output", decimalOut}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(testing::readFile(decimalOut).trimmed().split('\n').size(), 2);
        const QString missing = testing::writeFile(m_dir, QStringLiteral("missing.csv"), "age,sex\n60,true\n");
        r = cli(with({"predict", "--run", parent, "--input", missing, "--output", output}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("missing.csv: missing column 'anaemia'"), r.err.constData());

        // Register the run's model, twice: versions 1 and 2, each predicting as the run does.
        r = cli(with({"model", "register", "--run", parent, "--name", "heart-model", "--description", "best of the run",
                      "--tags", "stage=test", "--json"}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject registered = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(registered.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(registered.value(QStringLiteral("run_id")).toString(), result.value(QStringLiteral("best_child_run_id")).toString());
        QCOMPARE(registered.value(QStringLiteral("tags")).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("test"));
        const QJsonObject properties = registered.value(QStringLiteral("properties")).toObject();
        QCOMPARE(properties.value(QStringLiteral("algorithm")).toString(), best.value(QStringLiteral("algorithm")).toString());
        QCOMPARE(properties.value(QStringLiteral("dataset_version")).toString(), QStringLiteral("heart-failure-records:1"));
        QCOMPARE(properties.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("AUC_weighted")).toDouble(),
                 best.value(QStringLiteral("AUC_weighted")).toDouble());
        r = cli(with({"model", "register", "--run", parent, "--name", "heart-model"}));
        QVERIFY2(r.code == 0 && r.out.contains("heart-model:2"), r.out.constData());
        const QString byModel = m_dir.filePath(QStringLiteral("by-model.csv"));
        r = cli(with({"predict", "--model", "heart-model:1", "--input", input, "--output", byModel, "--proba"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(testing::readFile(byModel), testing::readFile(output));
        r = cli(with({"model", "list", "--json"}));
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);
        r = cli(with({"model", "show", "heart-model"}));
        QVERIFY2(r.code == 0 && r.out.contains("Model heart-model:2") && r.out.contains("AUC_weighted"), r.out.constData());
        r = cli(with({"model", "delete", "heart-model:2"}));
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli(with({"predict", "--model", "heart-model:2", "--input", input, "--output", byModel}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("The model 'heart-model' has no version 2."), r.err.constData());
        r = cli(with({"model", "register", "--run", parent, "--name", "-bad name"}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("Invalid model name '-bad name'"), r.err.constData());
        // Any completed child run can be registered: its model is trained on every row then.
        // The lowest-ranked completed trial: a model other than the best.
        QString trial;
        for (const QJsonValue &row : board)
            if (row.toObject().value(QStringLiteral("status")).toString() == QLatin1String("Completed"))
                trial = row.toObject().value(QStringLiteral("run_id")).toString();
        QVERIFY(!trial.isEmpty() && trial != result.value(QStringLiteral("best_child_run_id")).toString());
        r = cli(with({"model", "register", "--run", trial, "--name", "runner-up", "--json"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("run_id")).toString(), trial);
        r = cli(with({"predict", "--model", "runner-up", "--input", input, "--output", byModel, "--proba"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(testing::readFile(byModel) != testing::readFile(output));

        // Permutation importance on request, for the trials and the ensembles.
        for (const QJsonValue &row : board) {
            const QString id = row.toObject().value(QStringLiteral("run_id")).toString();
            r = cli(with({"runs", "explain", id, "--json"}));
            QVERIFY2(r.code == 0, r.err.constData());
            const QJsonArray importance = QJsonDocument::fromJson(r.out).array();
            QCOMPARE(importance.size(), 12); // every raw column but the label
            QVERIFY(importance.at(0).toObject().value(QStringLiteral("importance")).toDouble()
                    >= importance.at(11).toObject().value(QStringLiteral("importance")).toDouble());
        }
        r = cli(with({"runs", "explain", parent}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("explain one of its child runs"), r.err.constData());

        // Text output: a line per trial, the leaderboard, the best model with its algorithm, and why.
        r = cli(with({"automl", "--dataset", "heart-failure-records", "--label", "DEATH_EVENT", "--max-trials", "2",
                      "--cv", "3", "--allowed", "logisticregression", "--no-ensembles"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out.count("LogisticRegression"), 6);
        QVERIFY2(r.out.contains(" (LogisticRegression).\n"), r.out.constData());
        QVERIFY2(r.out.contains("Recommended: LogisticRegression, the top-ranked model (AUC_weighted "), r.out.constData());
        QVERIFY(r.out.contains("RANK"));
        r = cli(with({"automl", "--dataset", "heart-failure-records", "--label", "nope", "--max-trials", "2"}));
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("has no column 'nope'"));
        r = cli(with({"automl", "--dataset", "heart-failure-records", "--label", "DEATH_EVENT", "--allowed", "Magic"}));
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown algorithm 'Magic'"));
    }

    void findsWorkspaceFromConfig()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("project/sub/deeper"));
        testing::writeFile(m_dir, QStringLiteral("project/stratus.json"), R"({"workspace": "data/project.stratus"})");
        QDir(m_dir.path()).mkpath(QStringLiteral("project/data"));
        Run r = cli({"experiment", "create", "from-config"}, m_dir.filePath(QStringLiteral("project/sub/deeper")));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("project/data/project.stratus"))));
        QDir(m_dir.path()).mkpath(QStringLiteral("broken"));
        testing::writeFile(m_dir, QStringLiteral("broken/stratus.json"), "{not json");
        r = cli({"experiment", "list"}, m_dir.filePath(QStringLiteral("broken")));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("stratus.json: not valid JSON"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
