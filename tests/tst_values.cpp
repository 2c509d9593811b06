// The user's values, exactly: one value model from import to prediction,
// scoring and export (issue 15). Each fault's whole kind is a table here:
// - integers over the full 64 bits, IDs beyond them;
// - booleans keep their own two spellings, in the data and as a label's answers;
// - type inference explains itself (notes), and a chosen type decides;
// - labels that are not what they seem are refused before anything is stored;
// - every scoring path applies the same rules to the same rows;
// - a file round-trips through scoring with every value as written.
#include "data/CellParser.h"
#include "data/import/DatasetImport.h"
#include "data/store/DatasetStore.h"
#include "export/BatchScoring.h"
#include "export/ModelPackage.h"
#include "ml/automl/AutoMLPlan.h"
#include "ml/automl/LabelCheck.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/ModelStore.h"
#include "serve/Scorer.h"
#include "TestSupport.h"
#include "TrainSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace stratus;

namespace {

using Row = QList<QPair<QString, QString>>; // column, value as written

QByteArray csvField(const QString &v)
{
    return batch::csvField(v).toUtf8();
}

QByteArray csvOf(const QList<Row> &rows)
{
    QByteArray out;
    QStringList header;
    for (const auto &[name, value] : rows.first())
        header << name;
    for (const QString &h : header)
        out += csvField(h) + (h == header.last() ? "\n" : ",");
    for (const Row &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            out += csvField(row[i].second) + (i + 1 == row.size() ? "\n" : ",");
    }
    return out;
}

QJsonObject recordOf(const Row &row)
{
    QJsonObject o;
    for (const auto &[name, value] : row)
        o.insert(name, value);
    return o;
}

// A training table: the label follows weight, with every kind of column.
QByteArray trainingCsv()
{
    QByteArray csv = "id,weight,count,flag,colour,signup,label\n";
    const char *colours[] = {"red", "green", "blue"};
    for (int i = 0; i < 200; ++i) {
        const double weight = 50 + (i * 37 % 100) * 0.5;
        csv += QStringLiteral("%1,%2,%3,%4,%5,2022-%6-%7,%8\n")
                   .arg(i + 1)
                   .arg(weight)
                   .arg(i % 7)
                   .arg(i % 3 ? QStringLiteral("yes") : QStringLiteral("no"))
                   .arg(QLatin1String(colours[i % 3]))
                   .arg(i % 12 + 1, 2, 10, QLatin1Char('0'))
                   .arg(i % 28 + 1, 2, 10, QLatin1Char('0'))
                   .arg(weight > 75 ? 1 : 0)
                   .toUtf8();
    }
    return csv;
}

const Row kBase = {{QStringLiteral("weight"), QStringLiteral("72.5")}, {QStringLiteral("count"), QStringLiteral("3")},
                   {QStringLiteral("flag"), QStringLiteral("yes")},    {QStringLiteral("colour"), QStringLiteral("red")},
                   {QStringLiteral("signup"), QStringLiteral("2022-06-05")}};

Row with(Row row, const QString &column, const QString &value)
{
    for (auto &[name, v] : row)
        if (name == column) {
            v = value;
            return row;
        }
    row.append({column, value});
    return row;
}

Row without(Row row, const QString &column)
{
    row.removeIf([&](const auto &c) { return c.first == column; });
    return row;
}

Row renamed(Row row, const QString &from, const QString &to)
{
    for (auto &[name, v] : row)
        if (name == from)
            name = to;
    return row;
}

// The base row with the case row's columns: a change of columns applies to both rows.
Row baseFor(const Row &row)
{
    Row base = row;
    for (auto &[name, value] : base)
        for (const auto &[n, v] : kBase)
            if (n == name)
                value = v;
    return base;
}

// One kind of value or column problem, and what every path must do with it.
struct Case {
    Row row;
    bool accept = true;
    bool refusedByRequests = false; // refused by every path but `score` (a dataset keeps its own columns)
    QStringList named;              // a refusal names these
    QString sameAs;                 // accepted: predicts exactly as this case
    QString differsFrom;            // accepted: the value was read (it moves the prediction from this case's)
};

const QList<QPair<QString, Case>> &caseList()
{
    const QString w = QStringLiteral("weight"), n = QStringLiteral("count"), f = QStringLiteral("flag"), c = QStringLiteral("colour"),
                  d = QStringLiteral("signup");
    static const QList<QPair<QString, Case>> list = {
        {"good", {kBase, true, false, {}, {}, {}}},
        {"a date and time", {with(kBase, d, "2022-06-05T14:05:00Z"), true, false, {}, {}, {}}},
        {"not a date", {with(kBase, d, "not a date"), false, false, {d, "not a date"}, {}, {}}},
        {"a date with slashes", {with(kBase, d, "2022/06/05"), false, false, {d, "2022/06/05"}, {}, {}}},
        {"february 30", {with(kBase, d, "2022-02-30"), false, false, {d, "2022-02-30"}, {}, {}}},
        {"a misspelt column", {renamed(kBase, w, "wieght"), false, false, {"wieght", "'weight'"}, {}, {}}},
        {"a column missing", {without(kBase, c), false, false, {"'colour'"}, {}, {}}},
        {"the dropped ID given", {with(kBase, "id", "17"), true, false, {}, "good", {}}},
        {"the label given", {with(kBase, "label", "1"), true, false, {}, "good", {}}},
        {"an unknown column", {with(kBase, "foo", "bar"), true, true, {"foo"}, "good", {}}},
        {"a boolean's own spelling in capitals", {with(kBase, f, "YES"), true, false, {}, "good", {}}},
        {"a boolean word", {with(kBase, f, "true"), true, false, {}, "good", {}}},
        {"a boolean as 1", {with(kBase, f, "1"), true, false, {}, "good", {}}},
        {"the other boolean", {with(kBase, f, "no"), true, false, {}, {}, "good"}},
        {"not a boolean", {with(kBase, f, "maybe"), false, false, {f, "maybe"}, {}, {}}},
        {"a decimal comma", {with(kBase, w, "72,5"), true, false, {}, "good", {}}},
        {"a grouping", {with(kBase, w, "1,250"), false, false, {w, "1,250"}, {}, {}}},
        {"not a number", {with(kBase, w, "sixty"), false, false, {w, "sixty"}, {}, {}}},
        {"an empty value", {with(kBase, w, ""), true, false, {}, {}, "good"}},
        {"a missing-value token", {with(kBase, w, "NA"), true, false, {}, "an empty value", {}}},
        {"a big integer", {with(kBase, n, "9007199254740993"), true, false, {}, {}, "good"}},
        {"a decimal for an integer", {with(kBase, n, "2.5"), true, false, {}, {}, "good"}},
        {"an unseen category", {with(kBase, c, "purple"), true, false, {}, {}, "good"}},
    };
    return list;
}

QStringList caseNames()
{
    QStringList names;
    for (const auto &[name, c] : caseList())
        names << name;
    return names;
}

QHash<QString, Case> cases()
{
    QHash<QString, Case> all;
    for (const auto &[name, c] : caseList())
        all.insert(name, c);
    return all;
}

// What a path made of two rows (the base row and the case's row).
struct Outcome {
    bool accepted = false;
    QString message;               // when refused
    std::vector<double> predicted; // when accepted: per row, the class probabilities
    QJsonArray answers;            // a path that answers classes: what it answered
    bool applies = true;           // false: the path cannot carry this case (a list has no column names)
};

} // namespace

class TestValues : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::shared_ptr<const ml::TrainedPipeline> m_model;
    QString m_package;
    int m_files = 0;

    Result<Registered> import(const QString &name, const QByteArray &csv, const CsvReadOptions &options = {})
    {
        RegisterRequest request;
        request.name = name;
        return importDataset(*m_ws, testing::writeFile(m_dir, name + QStringLiteral(".csv"), csv), options, request);
    }

    QStringList columnValues(const DatasetVersion &v, const QString &column)
    {
        for (int c = 0; c < v.columns.size(); ++c)
            if (v.columns[c].name == column)
                return *DatasetStore(*m_ws).readChunk(v, c, 0);
        return {};
    }

    static Outcome fromScore(const serve::ScoreResponse &r)
    {
        Outcome o;
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (r.status != 200) {
            o.message = body.value(QStringLiteral("error")).toString() + QStringLiteral(" [") + body.value(QStringLiteral("field")).toString()
                        + QLatin1Char(']');
            return o;
        }
        o.accepted = true;
        QJsonArray rows = body.value(QStringLiteral("result")).toArray();
        if (rows.isEmpty())
            rows = body.value(QStringLiteral("Results")).toArray();
        if (rows.isEmpty())
            rows = body.value(QStringLiteral("predictions")).toArray();
        for (const QJsonValue &row : rows) {
            if (!row.isArray())
                o.answers.append(row);
            for (const QJsonValue &p : row.toArray())
                o.predicted.push_back(p.toDouble());
        }
        return o;
    }

    static Outcome fromTable(const Result<DataTable> &table, const ml::TrainedPipeline &pipeline)
    {
        Outcome o;
        if (!table) {
            o.message = table.message();
            return o;
        }
        auto p = pipeline.predict(*table);
        if (!p) {
            o.message = p.message();
            return o;
        }
        o.accepted = true;
        o.predicted = *p;
        return o;
    }

    // The two rows through one path.
    Outcome through(const QString &path, const Row &base, const Row &row)
    {
        const QList<Row> rows = {base, row};
        const serve::Scorer scorer(m_model);
        QJsonArray records;
        for (const Row &r : rows)
            records.append(recordOf(r));
        const QByteArray json = "application/json";
        if (path == QLatin1String("predict --input")) {
            const QString file = testing::writeFile(m_dir, QStringLiteral("in%1.csv").arg(++m_files), csvOf(rows));
            return fromTable(m_model->readInput(file), *m_model);
        }
        if (path == QLatin1String("predict --package")) {
            const QString file = testing::writeFile(m_dir, QStringLiteral("in%1.csv").arg(++m_files), csvOf(rows));
            const auto package = package::read(m_package);
            return fromTable(package->fitted->readInput(file), *package->fitted);
        }
        if (path == QLatin1String("score (dataset)")) {
            auto imported = import(QStringLiteral("rows-%1").arg(++m_files), csvOf(rows));
            if (!imported)
                return Outcome{false, QStringLiteral("import: ") + imported.message(), {}, {}, true};
            DatasetStore datasets(*m_ws);
            auto scored = batch::score(*m_model, *datasets.loadTable(imported->version));
            Outcome o;
            if (!scored) {
                o.message = scored.message();
                return o;
            }
            o.accepted = true;
            for (size_t r = 0; r < scored->rowCount; ++r)
                for (const QString &c : m_model->classes())
                    o.predicted.push_back(scored->columns[size_t(scored->indexOf(QStringLiteral("proba_") + c))].numbers[r]);
            return o;
        }
        if (path == QLatin1String("/score v1"))
            return fromScore(scorer.score(serve::Scorer::Route::Score,
                                          QJsonDocument(QJsonObject{{QStringLiteral("data"), records},
                                                                    {QStringLiteral("method"), QStringLiteral("predict_proba")}})
                                              .toJson(),
                                          json));
        if (path == QLatin1String("/score v2"))
            return fromScore(scorer.score(serve::Scorer::Route::Score,
                                          QJsonDocument(QJsonObject{{QStringLiteral("Inputs"), QJsonObject{{QStringLiteral("data"), records}}},
                                                                    {QStringLiteral("GlobalParameters"),
                                                                     QJsonObject{{QStringLiteral("method"), QStringLiteral("predict_proba")}}}})
                                              .toJson(),
                                          json));
        // MLflow's /invocations answers classes only: compare those through predict_proba-free rows by
        // scoring the same table again with /score when it is accepted.
        QByteArray body;
        QByteArray type = json;
        if (path == QLatin1String("/invocations records")) {
            body = QJsonDocument(QJsonObject{{QStringLiteral("dataframe_records"), records}}).toJson();
        } else if (path == QLatin1String("/invocations instances")) {
            body = QJsonDocument(QJsonObject{{QStringLiteral("instances"), records}}).toJson();
        } else if (path == QLatin1String("/invocations split")) {
            QJsonArray columns, data;
            for (const auto &[name, value] : rows.first())
                columns.append(name);
            for (const Row &r : rows) {
                QJsonArray values;
                for (const auto &[name, value] : r)
                    values.append(value);
                data.append(values);
            }
            body = QJsonDocument(QJsonObject{{QStringLiteral("dataframe_split"),
                                              QJsonObject{{QStringLiteral("columns"), columns}, {QStringLiteral("data"), data}}}})
                       .toJson();
        } else if (path == QLatin1String("/invocations inputs")) {
            QJsonObject columns;
            for (int i = 0; i < rows.first().size(); ++i) {
                QJsonArray values;
                for (const Row &r : rows)
                    values.append(r[i].second);
                columns.insert(rows.first()[i].first, values);
            }
            body = QJsonDocument(QJsonObject{{QStringLiteral("inputs"), columns}}).toJson();
        } else if (path == QLatin1String("/invocations text/csv")) {
            body = csvOf(rows);
            type = "text/csv";
        } else if (path.endsWith(QLatin1String("(lists)"))) {
            // A list follows the model's columns, without names.
            QStringList names, schema;
            for (const auto &[name, value] : row)
                names << name;
            for (const ColumnSpec &c : m_model->inputSchema().columns)
                schema << c.name;
            if (names != schema) {
                Outcome none;
                none.applies = false;
                return none;
            }
            QJsonArray lists;
            for (const Row &r : rows) {
                QJsonArray values;
                for (const auto &[name, value] : r)
                    values.append(value);
                lists.append(values);
            }
            body = QJsonDocument(QJsonObject{{path.startsWith(QLatin1String("/invocations instances")) ? QStringLiteral("instances")
                                                                                                          : QStringLiteral("inputs"),
                                              lists}})
                       .toJson();
        }
        Outcome o = fromScore(scorer.score(serve::Scorer::Route::Invocations, body, type));
        if (o.accepted) { // MLflow answers classes; the probabilities of the same rows come from /score
            const QJsonArray answers = o.answers;
            o = fromScore(scorer.score(serve::Scorer::Route::Score,
                                       QJsonDocument(QJsonObject{{QStringLiteral("data"), records},
                                                                 {QStringLiteral("method"), QStringLiteral("predict_proba")}})
                                           .toJson(),
                                       json));
            o.answers = answers;
        }
        return o;
    }

private slots:
    void initTestCase()
    {
        m_ws = testing::newWorkspace(m_dir);
        auto training = import(QStringLiteral("training"), trainingCsv());
        QVERIFY2(training.ok(), qPrintable(training.message()));
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("training"), {QStringLiteral("LogisticRegression")}, 1);
        c.label = QStringLiteral("label");
        QVERIFY(testing::trainAndRegister(*m_ws, c, QStringLiteral("m")).ok());
        auto pipeline = ml::TrainedPipeline::fromModel(*m_ws, QStringLiteral("m"));
        QVERIFY2(pipeline.ok(), qPrintable(pipeline.message()));
        m_model = std::make_shared<const ml::TrainedPipeline>(std::move(*pipeline));
        m_package = m_dir.filePath(QStringLiteral("m.stratus-model"));
        QVERIFY(package::exportModel(*m_ws, QStringLiteral("m"), m_package).ok());
        // The id column is ID-like: AutoML dropped it, so the model does not read it.
        QVERIFY(m_model->inputSchema().indexOf(QStringLiteral("id")) < 0);
        QVERIFY(m_model->inputSchema().isUnused(QStringLiteral("id")));
    }

    // 1. Integers keep every digit: storage, preview, profile, scoring output.
    void integersStayExact()
    {
        auto r = import(QStringLiteral("accounts"), "account,spend\n9007199254740993,1.5\n9007199254740995,2.5\n1234567890123456789,3.5\n");
        QVERIFY2(r.ok(), qPrintable(r.message()));
        const DatasetColumn &account = r->version.columns.first();
        QCOMPARE(account.type, ColumnType::Integer);
        QCOMPARE(account.profile.unique, 3); // distinct IDs stay distinct
        QCOMPARE(account.profile.minText, QStringLiteral("9007199254740993"));
        QCOMPARE(account.profile.maxText, QStringLiteral("1234567890123456789"));
        QCOMPARE(columnValues(r->version, QStringLiteral("account")),
                 (QStringList{"9007199254740993", "9007199254740995", "1234567890123456789"}));
        const DataTable t = *DatasetStore(*m_ws).loadTable(r->version);
        QCOMPARE(t.columns[0].display(2), QStringLiteral("1234567890123456789"));
        QCOMPARE(qint64(t.columns[0].integers[0]), 9007199254740993LL);
    }

    void integerKinds_data()
    {
        QTest::addColumn<QByteArray>("values"); // one column, a value a line
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("note"); // the kind of note, or empty
        QTest::newRow("int64 max") << QByteArray("9223372036854775807\n1\n") << "integer" << "";
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808\n1\n") << "integer" << "";
        QTest::newRow("2^53 + 1") << QByteArray("9007199254740993\n-9007199254740993\n") << "integer" << "";
        QTest::newRow("beyond 64 bits") << QByteArray("9223372036854775808\n1\n") << "categorical" << "integer_too_large";
        QTest::newRow("a 25-digit ID") << QByteArray("1234567890123456789012345\n2\n") << "categorical" << "integer_too_large";
        QTest::newRow("leading zeros") << QByteArray("007\n042\n") << "categorical" << "leading_zeros";
        QTest::newRow("whole and decimal") << QByteArray("1\n2.5\n") << "decimal" << "";
        // The order of the rows does not matter.
        QTest::newRow("big whole after a decimal") << QByteArray("0.5\n9223372036854775808\n") << "categorical" << "integer_too_large";
        QTest::newRow("big whole before a decimal") << QByteArray("9223372036854775808\n0.5\n") << "categorical" << "integer_too_large";
        QTest::newRow("a code after a decimal") << QByteArray("1.5\n007\n2.5\n") << "categorical" << "leading_zeros";
        QTest::newRow("a code before a decimal") << QByteArray("007\n1.5\n2.5\n") << "categorical" << "leading_zeros";
        QTest::newRow("a plus sign") << QByteArray("+5\n3\n") << "categorical" << "leading_zeros";
    }

    void integerKinds()
    {
        QFETCH(QByteArray, values);
        QFETCH(QString, type);
        QFETCH(QString, note);
        auto r = import(QStringLiteral("ints-") + QString::number(++m_files), "v\n" + values);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        const DatasetColumn &c = r->version.columns.first();
        QCOMPARE(columnTypeName(c.type), type);
        QCOMPARE(c.profile.notes.isEmpty() ? QString() : c.profile.notes.first().kindName(), note);
        // Every value comes back as written (a decimal: as the same number).
        const QStringList written = QString::fromUtf8(values).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList stored = columnValues(r->version, QStringLiteral("v"));
        for (int i = 0; i < written.size(); ++i) {
            if (c.type == ColumnType::Decimal)
                QCOMPARE(stored[i].toDouble(), written[i].toDouble());
            else
                QCOMPARE(stored[i], written[i]);
        }
    }

    // 2. A boolean column keeps its own two spellings.
    void booleanSpellings_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("falseText");
        QTest::addColumn<QString>("trueText");
        QTest::newRow("yes/no") << QStringList{"yes", "no", "yes"} << "boolean" << "no" << "yes";
        QTest::newRow("Yes/No") << QStringList{"Yes", "No"} << "boolean" << "No" << "Yes";
        QTest::newRow("Y/N") << QStringList{"Y", "N", "N"} << "boolean" << "N" << "Y";
        QTest::newRow("T/F") << QStringList{"T", "F"} << "boolean" << "F" << "T";
        QTest::newRow("on/off") << QStringList{"on", "off"} << "boolean" << "off" << "on";
        QTest::newRow("TRUE/FALSE") << QStringList{"TRUE", "FALSE"} << "boolean" << "FALSE" << "TRUE";
        QTest::newRow("true/false") << QStringList{"true", "false"} << "boolean" << "false" << "true";
        QTest::newRow("0/1 (kept; as a label it answers false/true)") << QStringList{"0", "1", "1"} << "boolean" << "0" << "1";
        QTest::newRow("1.0/0.0") << QStringList{"1.0", "0.0"} << "boolean" << "0.0" << "1.0";
        QTest::newRow("0/1 written two ways: numbers") << QStringList{"0", "1", "1.0"} << "decimal" << "" << "";
        QTest::newRow("only yes") << QStringList{"yes", "yes"} << "boolean" << "no" << "yes";
        QTest::newRow("yes two ways: kept as written") << QStringList{"yes", "Yes", "no"} << "categorical" << "" << "";
        QTest::newRow("words and digits: kept as written") << QStringList{"yes", "1", "no"} << "categorical" << "" << "";
        QTest::newRow("SI/NO") << QStringList{"SI", "NO", "SI"} << "categorical" << "" << "";
    }

    void booleanSpellings()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, type);
        QFETCH(QString, falseText);
        QFETCH(QString, trueText);
        auto r = import(QStringLiteral("bools-") + QString::number(++m_files), "v\n" + values.join(QLatin1Char('\n')).toUtf8() + "\n");
        QVERIFY2(r.ok(), qPrintable(r.message()));
        const DatasetColumn &c = r->version.columns.first();
        QCOMPARE(columnTypeName(c.type), type);
        const QStringList stored = columnValues(r->version, QStringLiteral("v"));
        if (c.type == ColumnType::Boolean) {
            QCOMPARE(c.spelling.falseText, falseText);
            QCOMPARE(c.spelling.trueText, trueText);
            QCOMPARE(c.profile.binLabels, (QStringList{falseText, trueText}));
            for (const auto &[value, n] : c.profile.topValues)
                QVERIFY2(value == falseText || value == trueText, qPrintable(value));
            QCOMPARE(stored, values); // the preview: as written
        } else if (c.type == ColumnType::Decimal) {
            for (int i = 0; i < values.size(); ++i)
                QCOMPARE(stored[i].toDouble(), values[i].toDouble());
        } else {
            QCOMPARE(stored, values);
        }
    }

    // A boolean label answers in its spellings: predict, proba_<class>, /score.
    void booleanLabelAnswers_data()
    {
        QTest::addColumn<QString>("yes"); // as the file writes them
        QTest::addColumn<QString>("no");
        QTest::addColumn<QString>("type");      // chosen, or empty
        QTest::addColumn<QString>("classYes");  // the class as predict writes it
        QTest::addColumn<QString>("classNo");
        QTest::addColumn<QString>("answerYes"); // /score's JSON for the positive class
        QTest::newRow("yes/no") << "yes" << "no" << "" << "yes" << "no" << "\"yes\"";
        QTest::newRow("Y/N") << "Y" << "N" << "" << "Y" << "N" << "\"Y\"";
        QTest::newRow("0/1 read as boolean: false/true, as Azure") << "1" << "0" << "" << "true" << "false" << "true";
        QTest::newRow("0/1 typed integer") << "1" << "0" << "integer" << "1" << "0" << "1";
        QTest::newRow("0/1 typed categorical") << "1" << "0" << "categorical" << "1" << "0" << "\"1\"";
    }

    void booleanLabelAnswers()
    {
        QFETCH(QString, yes);
        QFETCH(QString, no);
        QFETCH(QString, type);
        QFETCH(QString, classYes);
        QFETCH(QString, classNo);
        QFETCH(QString, answerYes);
        QByteArray csv = "x,flag,outcome\n";
        for (int i = 0; i < 60; ++i) // x: a feature (not increasing, or it would be dropped as an ID)
            csv += QStringLiteral("%1,%2,%3\n").arg(i * 7 % 60).arg(i % 2 ? QStringLiteral("on") : QStringLiteral("off"), i * 7 % 60 < 30 ? no : yes).toUtf8();
        const QString name = QStringLiteral("outcomes-") + QString::number(++m_files);
        CsvReadOptions options;
        if (!type.isEmpty())
            options.columns[QStringLiteral("outcome")].type = columnTypeFromName(type);
        QVERIFY(import(name, csv, options).ok());
        ml::AutoMLConfig c = testing::quickConfig(name, {QStringLiteral("LogisticRegression")}, 1);
        c.label = QStringLiteral("outcome");
        QVERIFY(testing::trainAndRegister(*m_ws, c, name).ok());
        const auto pipeline = std::make_shared<const ml::TrainedPipeline>(*ml::TrainedPipeline::fromModel(*m_ws, name));
        QCOMPARE(QSet<QString>(pipeline->classes().begin(), pipeline->classes().end()), (QSet<QString>{classYes, classNo}));
        // predict --proba: the label and proba_<class> in the column's spellings.
        const QString in = testing::writeFile(m_dir, name + QStringLiteral("-in.csv"), "x,flag\n55,on\n2,off\n");
        const QString out = m_dir.filePath(name + QStringLiteral("-out.csv"));
        const auto r = testing::runCli({QStringLiteral("--workspace"), m_ws->path(), QStringLiteral("predict"), QStringLiteral("--model"), name,
                                        QStringLiteral("--input"), in, QStringLiteral("--output"), out, QStringLiteral("--proba")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = testing::readFile(out).trimmed().split('\n');
        QVERIFY2(lines[0].contains(("proba_" + classYes).toUtf8()) && lines[0].contains(("proba_" + classNo).toUtf8()), lines[0].constData());
        QVERIFY2(lines[1].startsWith(classYes.toUtf8() + ',') && lines[2].startsWith(classNo.toUtf8() + ','), lines[1] + " / " + lines[2]);
        // predict writes each probability as the shortest text of the same double /score answers.
        const QJsonArray proba = QJsonDocument::fromJson(serve::Scorer(pipeline).score(serve::Scorer::Route::Score,
                                                                                        R"({"data":[{"x":"55","flag":"on"}],"method":"predict_proba"})",
                                                                                        "application/json")
                                                             .body)
                                     .object()
                                     .value(QStringLiteral("result"))
                                     .toArray()
                                     .first()
                                     .toArray();
        const QList<QByteArray> fields = lines[1].split(',');
        QCOMPARE(fields[1].toDouble(), proba[0].toDouble());
        QCOMPARE(fields[2].toDouble(), proba[1].toDouble());
        // /score: the class as the label column writes it; requests may use a feature's own spellings or true/false/1/0.
        const serve::Scorer scorer(pipeline);
        for (const char *flag : {"on", "ON", "true", "1", "yes"}) {
            const auto answer = scorer.score(serve::Scorer::Route::Score,
                                             QStringLiteral(R"({"data":[{"x":"55","flag":"%1"}]})").arg(QLatin1String(flag)).toUtf8(),
                                             "application/json");
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.body, QStringLiteral(R"({"result":[%1]})").arg(answerYes).toUtf8());
        }
    }

    // 3. Type inference explains itself; a chosen type decides.
    void inferenceExplainsItself_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("type");  // chosen for column v, or empty
        QTest::addColumn<QString>("stored"); // v's type
        QTest::addColumn<QString>("note");   // kind of v's note, or empty
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("firstExample"); // "line:value"
        QByteArray semicolon = "v;w\n", lessThan = "v,w\n", dates = "v,w\n", chosen = "v,w\n", words = "v,w\n";
        for (int i = 0; i < 300; ++i) {
            semicolon += (i % 10 == 3 ? "2,7" : "1.9") + QByteArray(";x\n");
            lessThan += (i == 12 || i == 77 || i == 150 ? QByteArray("<0.5") : QByteArray::number(1 + i % 9 * 0.25)) + ",x\n";
            dates += (i == 40 || i == 41 ? QByteArray("unknown") : QStringLiteral("2021-03-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0')).toUtf8()) + ",x\n";
            words += (i % 2 ? QByteArray("alpha") : QByteArray("beta")) + ",x\n";
        }
        chosen += "1.5,x\nabout 2,x\n3,x\n";
        QTest::newRow("270 '1.9' and 30 '2,7'") << semicolon << "" << "decimal" << "other_decimal_separator" << 30 << "5:2,7";
        QTest::newRow("3 of 300 '<0.5'") << lessThan << "" << "categorical" << "mostly_type" << 3 << "14:<0.5";
        QTest::newRow("3 of 300 '<0.5', chosen decimal") << lessThan << "decimal" << "decimal" << "not_of_chosen_type" << 3 << "14:<0.5";
        QTest::newRow("dates with 'unknown'") << dates << "" << "categorical" << "mostly_type" << 2 << "42:unknown";
        QTest::newRow("chosen decimal, a word") << chosen << "decimal" << "decimal" << "not_of_chosen_type" << 1 << "3:about 2";
        QTest::newRow("words: nothing to say") << words << "" << "categorical" << "" << 0 << "";
        QTest::newRow("a grouping is not a decimal") << QByteArray("v,w\n\"1,234\",x\n\"2,500\",x\n1.5,x\n2,x\n3.25,x\n4,x\n5,x\n")
                                                     << "" << "categorical" << "mostly_type" << 2 << "2:1,234";
    }

    void inferenceExplainsItself()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, type);
        QFETCH(QString, stored);
        QFETCH(QString, note);
        QFETCH(int, count);
        QFETCH(QString, firstExample);
        CsvReadOptions options;
        if (!type.isEmpty())
            options.columns[QStringLiteral("v")].type = columnTypeFromName(type);
        auto r = import(QStringLiteral("infer-") + QString::number(++m_files), csv, options);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        const DatasetColumn &v = r->version.columns.first();
        QCOMPARE(columnTypeName(v.type), stored);
        QCOMPARE(v.profile.typeChosen, !type.isEmpty());
        if (note.isEmpty()) {
            QVERIFY(v.profile.notes.isEmpty());
            return;
        }
        QCOMPARE(v.profile.notes.size(), 1);
        const ColumnNote &n = v.profile.notes.first();
        QCOMPARE(n.kindName(), note);
        QCOMPARE(n.count, count);
        QCOMPARE(QStringLiteral("%1:%2").arg(n.examples.first().first).arg(n.examples.first().second), firstExample);
        QVERIFY2(n.message().contains(QStringLiteral("column 'v'")), qPrintable(n.message()));
        if (n.kind == ColumnNote::Kind::OtherDecimalSeparator) // read as the numbers they are
            QCOMPARE(columnValues(r->version, QStringLiteral("v")).at(3), QStringLiteral("2.7"));
    }

    // The CLI prints the notes, and --type decides.
    void commandLineReportsNotes()
    {
        QByteArray csv = "id,conc\n";
        for (int i = 0; i < 50; ++i)
            csv += QByteArray::number(i) + "," + (i == 7 ? QByteArray("<0.5") : QByteArray::number(1 + i * 0.1)) + "\n";
        const QString file = testing::writeFile(m_dir, QStringLiteral("conc.csv"), csv);
        auto r = testing::runCli({QStringLiteral("--workspace"), m_ws->path(), QStringLiteral("dataset"), QStringLiteral("import"), file,
                                  QStringLiteral("--name"), QStringLiteral("conc")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("Note: column 'conc': 1 of 50 values are not numbers ('<0.5' on line 9), the other 49 are."), r.out.constData());
        r = testing::runCli({QStringLiteral("--workspace"), m_ws->path(), QStringLiteral("dataset"), QStringLiteral("import"), file,
                             QStringLiteral("--name"), QStringLiteral("conc"), QStringLiteral("--type"), QStringLiteral("conc=decimal"),
                             QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonObject n = o.value(QStringLiteral("notes")).toArray().first().toObject();
        QCOMPARE(n.value(QStringLiteral("kind")).toString(), QStringLiteral("not_of_chosen_type"));
        QCOMPARE(n.value(QStringLiteral("examples")).toArray().first().toObject().value(QStringLiteral("line")).toInt(), 9);
        QCOMPARE(o.value(QStringLiteral("columns")).toArray().at(1).toObject().value(QStringLiteral("missing")).toInt(), 1);
    }

    // 4. A label that is not what it seems is refused, naming values and lines.
    void labelsThatAreNotWhatTheySeem_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<bool>("regression");
        QTest::addColumn<QString>("chosen");    // the label's chosen type, or empty
        QTest::addColumn<QStringList>("words"); // the refusal contains these; empty: accepted
        QByteArray measured = "x,weight\n", ids = "x,code\n", classes = "x,kind\n";
        for (int i = 0; i < 120; ++i) {
            measured += QByteArray::number(i) + "," + (i % 40 == 5 ? QByteArray("n/a?") : QByteArray::number(60 + i * 0.37)) + "\n";
            ids += QByteArray::number(i) + ",C" + QByteArray::number(i / 2) + "\n";
            classes += QByteArray::number(i) + "," + (i % 3 ? QByteArray("cat") : QByteArray("dog")) + "\n";
        }
        QTest::newRow("a measurement with text cells") << measured << false << "" << QStringList{"weight", "117 of 120", "'n/a?' on line 7", "--task regression"};
        QTest::newRow("the same, typed categorical by the user") << measured << false << "categorical" << QStringList{"weight", "distinct values"};
        QTest::newRow("as regression: the text cells named") << measured << true << "" << QStringList{"weight", "3 of 120", "'n/a?' on line 7"};
        QTest::newRow("60 classes in 120 rows") << ids << false << "" << QStringList{"code", "60 distinct values in 120 rows"};
        QTest::newRow("two classes") << classes << false << "" << QStringList{};
        QTest::newRow("classes as regression") << classes << true << "" << QStringList{"kind", "not numbers", "--task classification"};
    }

    void labelsThatAreNotWhatTheySeem()
    {
        QFETCH(QByteArray, csv);
        QFETCH(bool, regression);
        QFETCH(QString, chosen);
        QFETCH(QStringList, words);
        CsvReadOptions options;
        const QString label = QString::fromUtf8(csv.left(csv.indexOf('\n')).split(',').last());
        if (!chosen.isEmpty())
            options.columns[label].type = columnTypeFromName(chosen);
        auto read = readForImport(testing::writeFile(m_dir, QStringLiteral("label.csv"), csv), options);
        QVERIFY(read.ok());
        const Status s = ml::checkLabel(read->table, 1, regression ? ml::Task::Regression : ml::Task::Classification, !chosen.isEmpty());
        if (words.isEmpty()) {
            QVERIFY2(s.ok(), qPrintable(s.message()));
            return;
        }
        QVERIFY(!s);
        for (const QString &w : words)
            QVERIFY2(s.message().contains(w), qPrintable(QStringLiteral("'%1' not in: %2").arg(w, s.message())));
    }

    // A refused `automl --train` registers nothing, and the CLI names the cells.
    void refusedTrainingRegistersNothing()
    {
        QByteArray csv = "x,weight\n";
        for (int i = 0; i < 120; ++i) // x is a feature (not increasing: an ID would be dropped)
            csv += QByteArray::number(i * 7 % 120) + "," + (i % 40 == 5 ? QByteArray("n/a?") : QByteArray::number(60 + i * 0.37)) + "\n";
        const QString file = testing::writeFile(m_dir, QStringLiteral("weights.csv"), csv);
        QTemporaryDir empty;
        const QString ws = empty.filePath(QStringLiteral("w.stratus"));
        auto r = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("automl"), QStringLiteral("--train"), file,
                                  QStringLiteral("--label"), QStringLiteral("weight"), QStringLiteral("--max-trials"), QStringLiteral("1")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("label: weights.csv: label 'weight' looks like a measurement") && r.err.contains("line 7"), r.err.constData());
        r = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("dataset"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2); // the two samples only: weights was not registered
        // With --task regression the rows without a number are named; --type reads them as missing, and it trains.
        r = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("automl"), QStringLiteral("--train"), file,
                             QStringLiteral("--label"), QStringLiteral("weight"), QStringLiteral("--task"), QStringLiteral("regression"),
                             QStringLiteral("--max-trials"), QStringLiteral("1")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("3 of 120 values are not numbers ('n/a?' on line 7"), r.err.constData());
        r = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("automl"), QStringLiteral("--train"), file,
                             QStringLiteral("--label"), QStringLiteral("weight"), QStringLiteral("--task"), QStringLiteral("regression"),
                             QStringLiteral("--type"), QStringLiteral("weight=decimal"), QStringLiteral("--max-trials"),
                             QStringLiteral("1"), QStringLiteral("--allowed"), QStringLiteral("ElasticNet"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject run = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(run.value(QStringLiteral("import_notes")).toArray().first().toObject().value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(run.value(QStringLiteral("guardrails")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Validation split handling"));
        QVERIFY(run.value(QStringLiteral("guardrails")).toArray().first().toObject().value(QStringLiteral("description")).toString().contains(
            QStringLiteral("3 rows without a label were left out")));
    }

    // 5. Every scoring path: the same accept or refusal, the same value, the same field named.
    void everyPathAppliesTheSameRules_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        const QStringList paths = {"predict --input", "predict --package", "score (dataset)", "/score v1", "/score v2",
                                   "/invocations records", "/invocations instances", "/invocations split", "/invocations inputs",
                                   "/invocations text/csv", "/invocations instances (lists)", "/invocations inputs (lists)"};
        const QStringList kinds = caseNames();
        for (const QString &kind : kinds)
            for (const QString &path : paths)
                QTest::newRow(qPrintable(kind + QStringLiteral(" @ ") + path)) << path << kind;
    }

    void everyPathAppliesTheSameRules()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        const Case c = cases().value(kind);
        const Outcome o = through(path, baseFor(c.row), c.row);
        if (!o.applies)
            QSKIP("a list carries the model's columns in order, without names: this case changes the columns");
        const bool accept = c.accept && !(c.refusedByRequests && path != QLatin1String("score (dataset)"));
        if (!accept) {
            QVERIFY2(!o.accepted, "accepted");
            for (const QString &w : c.named)
                QVERIFY2(o.message.contains(w), qPrintable(QStringLiteral("'%1' not in: %2").arg(w, o.message)));
            return;
        }
        QVERIFY2(o.accepted, qPrintable(o.message));
        QCOMPARE(o.predicted.size(), size_t(4)); // two rows, two classes
        // The same value on every path: what predict --input made of the same rows, and what the equivalent row makes.
        const Row same = cases().value(c.sameAs.isEmpty() ? kind : c.sameAs).row;
        const Outcome reference = through(QStringLiteral("predict --input"), baseFor(same), same);
        QVERIFY(reference.accepted);
        for (size_t i = 0; i < 4; ++i)
            QVERIFY2(std::abs(o.predicted[i] - reference.predicted[i]) < 1e-12,
                     qPrintable(QStringLiteral("%1 vs %2").arg(o.predicted[i]).arg(reference.predicted[i])));
        // A path that answers classes answered the reference's (the label is 0/1: false/true, as JSON booleans).
        for (qsizetype r = 0; r < o.answers.size(); ++r) {
            const bool positive = reference.predicted[size_t(2 * r + 1)] > reference.predicted[size_t(2 * r)];
            QCOMPARE(m_model->classes().value(positive ? 1 : 0), QStringLiteral("%1").arg(positive ? "true" : "false"));
            QCOMPARE(o.answers[r], QJsonValue(positive));
        }
        if (!c.differsFrom.isEmpty()) { // the value was read, not dropped: it moves the prediction
            const Row different = cases().value(c.differsFrom).row;
            const Outcome other = through(QStringLiteral("predict --input"), baseFor(different), different);
            QVERIFY2(std::abs(o.predicted[2] - other.predicted[2]) > 1e-9, "the value made no difference");
        }
    }

    // JSON numbers and booleans read as their text does.
    void jsonValuesReadAsTheirText()
    {
        const serve::Scorer scorer(m_model);
        const auto typed = scorer.score(serve::Scorer::Route::Score,
                                        R"({"data":[{"weight":72.5,"count":3,"flag":true,"colour":"red","signup":"2022-06-05"}]})", "application/json");
        const auto text = scorer.score(serve::Scorer::Route::Score,
                                       R"({"data":[{"weight":"72.5","count":"3","flag":"yes","colour":"red","signup":"2022-06-05"}]})", "application/json");
        QCOMPARE(typed.status, 200);
        QCOMPARE(typed.body, text.body);
        const auto listed = scorer.score(serve::Scorer::Route::Score,
                                         R"({"data":[{"weight":[72.5],"count":3,"flag":true,"colour":"red","signup":"2022-06-05"}]})", "application/json");
        QCOMPARE(listed.status, 400);
        QVERIFY2(listed.body.contains("data[0].weight"), listed.body.constData());
    }

    // A user's file round-trips: every original column comes back as written next to the predictions.
    void roundTripKeepsEveryValue()
    {
        QByteArray csv = "id,big,flag,ratio,tiny,city,note,seen,smoker,proba_note,proba_x,label\n";
        const char *cities[] = {"Seoul", "São Paulo", "Zürich"};
        for (int i = 0; i < 90; ++i) {
            const QString ratio = i % 11 == 4 ? QString() : QString::number(0.1 * (i % 9) + 0.03, 'g', 17);
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12\n")
                       .arg(i + 1)
                       .arg(i % 13 == 2 ? QStringLiteral("NA") : QString::number(9007199254740993LL + i * 2))
                       .arg(i % 2 ? QStringLiteral("Y") : QStringLiteral("N"))
                       .arg(ratio)
                       .arg(QStringLiteral("1e-7"))
                       .arg(QLatin1String(cities[i % 3]))
                       .arg(QStringLiteral("\"said \"\"fine\"\", then left, row %1\"").arg(i))
                       .arg(QStringLiteral("2020-02-%1T10:%2:00Z").arg(i % 28 + 1, 2, 10, QLatin1Char('0')).arg(i % 60, 2, 10, QLatin1Char('0')))
                       .arg(i % 4 ? QStringLiteral("0") : QStringLiteral("1"))
                       .arg(i % 2 ? QStringLiteral("low") : QStringLiteral("high"))
                       .arg(QString::number(0.255445016486846 + i * 1e-9, 'g', 15))
                       .arg(i % 3 ? QStringLiteral("stay") : QStringLiteral("leave"))
                       .toUtf8();
        }
        auto r = import(QStringLiteral("people"), csv);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("people"), {QStringLiteral("LogisticRegression")}, 1);
        c.label = QStringLiteral("label");
        QVERIFY(testing::trainAndRegister(*m_ws, c, QStringLiteral("people")).ok());
        const QString out = m_dir.filePath(QStringLiteral("people-scored.csv"));
        ScoreRequest request{QStringLiteral("people"), QStringLiteral("people"), out, false};
        QVERIFY(batch::run(*m_ws, request).ok());
        // Both files read with every column as text: the values as written.
        CsvReadOptions asText;
        for (const char *name : {"id", "big", "flag", "ratio", "tiny", "city", "note", "seen", "smoker", "proba_note", "proba_x", "label"})
            asText.columns[QString::fromLatin1(name)].type = ColumnType::Text;
        const QString in = m_dir.filePath(QStringLiteral("people.csv"));
        const DataTable original = readCsv(in, asText)->table;
        const DataTable scored = readCsv(out, asText)->table;
        QCOMPARE(scored.rowCount, original.rowCount);
        QVERIFY(scored.indexOf(QStringLiteral("predicted_label")) >= 0 && scored.indexOf(QStringLiteral("proba_leave")) >= 0);
        for (const DataColumn &column : original.columns) {
            const DataColumn &back = scored.columns[size_t(scored.indexOf(column.name))];
            for (size_t i = 0; i < original.rowCount; ++i) {
                QString written = column.display(i), read = back.display(i);
                if (cells::isMissing(cells::trim(written.toStdString())))
                    written.clear(); // a missing cell comes back empty
                if ((column.name == QLatin1String("ratio") || column.name == QLatin1String("tiny") || column.name == QLatin1String("proba_x"))
                    && !written.isEmpty()) {
                    // A decimal: the same number, as the shortest text that reads back to it.
                    QCOMPARE(read.toDouble(), written.toDouble());
                    QCOMPARE(read, formatDecimal(written.toDouble()));
                } else {
                    QCOMPARE(read, written);
                }
            }
        }
    }

    // score reads a dataset's columns by the same rules: a 0/1 column (boolean) for an integer one.
    void scoreReadsABooleanColumnAsNumbers()
    {
        QByteArray csv = "weight,count,flag,colour,signup\n";
        for (int i = 0; i < 4; ++i)
            csv += QByteArray::number(60 + i) + "," + QByteArray::number(i % 2) + ",yes,red,2022-06-05\n";
        auto r = import(QStringLiteral("zero-one-counts"), csv);
        QVERIFY(r.ok());
        QCOMPARE(r->version.columns[1].type, ColumnType::Boolean);
        const auto scored = batch::score(*m_model, *DatasetStore(*m_ws).loadTable(r->version));
        QVERIFY2(scored.ok(), qPrintable(scored.message()));
        QCOMPARE(scored->columns[1].display(1), QStringLiteral("1")); // as written
    }

    // A column's name is never read as a placeholder, and messages about a
    // registered dataset's rows name the lines the import named.
    void messagesNameColumnsAndLines()
    {
        QByteArray csv = "rate %2,x\n";
        for (int i = 0; i < 30; ++i)
            csv += (i == 4 ? QByteArray("n/a?") : QByteArray::number(60 + i * 0.37)) + "," + QByteArray::number(i * 7 % 30) + "\n";
        auto r = import(QStringLiteral("percent"), csv);
        QVERIFY(r.ok());
        const ColumnNote note = r->version.columns.first().profile.notes.first();
        QVERIFY2(note.message().startsWith(QStringLiteral("column 'rate %2': 1 of 30 values")), qPrintable(note.message()));
        QVERIFY2(note.message().contains(QStringLiteral("on line 6")), qPrintable(note.message()));
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("percent"), {QStringLiteral("LogisticRegression")}, 1);
        c.label = QStringLiteral("rate %2");
        const auto plan = ml::AutoMLPlan::prepare(*m_ws, c);
        QVERIFY(!plan);
        QVERIFY2(plan.message().contains(QStringLiteral("label 'rate %2'")) && plan.message().contains(QStringLiteral("on line 6")),
                 qPrintable(plan.message()));
    }

    void labelsWithStrayCellsOrTwoSpellings_data()
    {
        QTest::addColumn<QByteArray>("values"); // the label's values, a line each
        QTest::addColumn<QStringList>("words");
        QByteArray stray, cased;
        for (int i = 0; i < 60; ++i) {
            stray += (i == 9 || i == 31 ? QByteArray("unknown") : QByteArray::number(i % 2)) + "\n";
            cased += (i % 3 == 0 ? QByteArray("Yes") : i % 3 == 1 ? QByteArray("yes") : QByteArray("no")) + "\n";
        }
        QTest::newRow("0/1 with stray cells") << stray << QStringList{"2 classes written as numbers", "'unknown' on line 11", "--type outcome=integer"};
        QTest::newRow("yes and Yes") << cased << QStringList{"writes one class in two ways", "'Yes' and 'yes'"};
    }

    void labelsWithStrayCellsOrTwoSpellings()
    {
        QFETCH(QByteArray, values);
        QFETCH(QStringList, words);
        QByteArray csv = "x,outcome\n";
        int i = 0;
        for (const QByteArray &v : values.split('\n'))
            if (!v.isEmpty())
                csv += QByteArray::number(i++ * 7 % 60) + "," + v + "\n";
        auto read = readForImport(testing::writeFile(m_dir, QStringLiteral("stray.csv"), csv), {});
        QVERIFY(read.ok());
        const Status s = ml::checkLabel(read->table, 1, ml::Task::Classification, false);
        QVERIFY(!s);
        for (const QString &w : words)
            QVERIFY2(s.message().contains(w), qPrintable(QStringLiteral("'%1' not in: %2").arg(w, s.message())));
    }

    // automl --train refuses a label with one class before anything is stored.
    void oneClassRegistersNothing()
    {
        QByteArray csv = "x,outcome\n";
        for (int i = 0; i < 20; ++i)
            csv += QByteArray::number(i * 7 % 20) + ",yes\n";
        QTemporaryDir empty;
        const QString ws = empty.filePath(QStringLiteral("w.stratus"));
        auto r = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("automl"), QStringLiteral("--train"),
                                  testing::writeFile(m_dir, QStringLiteral("oneclass.csv"), csv), QStringLiteral("--label"),
                                  QStringLiteral("outcome"), QStringLiteral("--max-trials"), QStringLiteral("1")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("fewer than two classes"), r.err.constData());
        r = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("dataset"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2); // the two samples only
    }
};

QTEST_GUILESS_MAIN(TestValues)
#include "tst_values.moc"
