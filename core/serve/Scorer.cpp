#include "serve/Scorer.h"

#include "data/InputSchema.h"
#include "serve/ForecastScoring.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace stratus::serve {

namespace {

// The pieces both OpenAPI documents share: the error body, a JSON response, key authentication.
QJsonObject errorSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                         {QStringLiteral("field"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
}

QJsonObject jsonResponse(const QString &description, const QJsonObject &schema)
{
    return {{QStringLiteral("description"), description},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), schema}}}}}};
}

void addKeyAuth(QJsonObject &doc)
{
    doc.insert(QStringLiteral("components"),
               QJsonObject{{QStringLiteral("securitySchemes"),
                            QJsonObject{{QStringLiteral("key"), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                            {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}}});
    doc.insert(QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("key"), QJsonArray{}}}});
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString shown(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString().left(40) + QLatin1Char('"');
    if (v.isArray())
        return QStringLiteral("an array");
    if (v.isObject())
        return QStringLiteral("an object");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Rows into a table of the model's input schema, by its rules (InputSchema.h).
class TableBuilder {
public:
    explicit TableBuilder(const InputSchema &schema) : m_schema(schema), m_builder(schema) {}

    bool append(int column, const QJsonValue &v, QString &problem)
    {
        const auto cell = jsonCell(v, problem);
        if (!cell)
            return false;
        return m_builder.add(column, std::string_view(cell->constData(), size_t(cell->size())), problem);
    }

    // A row as an object of column: value. `where` names it ("data[3]").
    bool addRecord(const QJsonValue &row, const QString &where, QString &field, QString &problem)
    {
        if (!row.isObject()) {
            field = where;
            problem = QStringLiteral("a row must be an object of column: value, not %1").arg(shown(row));
            return false;
        }
        const QJsonObject o = row.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (m_schema.indexOf(it.key()) < 0 && !m_schema.isUnused(it.key())) {
                field = where + QLatin1Char('.') + it.key();
                problem = m_schema.unknownColumn(it.key());
                return false;
            }
        }
        for (int c = 0; c < m_schema.columns.size(); ++c) {
            const QString &name = m_schema.columns[c].name;
            const auto value = o.constFind(name);
            if (value == o.constEnd()) {
                field = where + QLatin1Char('.') + name;
                problem = m_schema.missingColumn(name);
                return false;
            }
            if (!append(c, *value, problem)) {
                field = where + QLatin1Char('.') + name;
                return false;
            }
        }
        m_builder.endRow();
        return true;
    }

    // A row as a list of values in `columns` order (-1: an unused column).
    bool addList(const QJsonValue &row, const QList<int> &columns, const QString &where, QString &field, QString &problem)
    {
        const QJsonArray a = row.toArray();
        if (!row.isArray() || a.size() != columns.size()) {
            field = where;
            problem = QStringLiteral("a row must be a list of %1 values").arg(columns.size());
            return false;
        }
        for (int i = 0; i < columns.size(); ++i) {
            if (columns[i] < 0)
                continue;
            if (!append(columns[i], a[i], problem)) {
                // A list's position names the field; the problem names the column.
                field = where + QStringLiteral("[%1]").arg(i);
                problem = QStringLiteral("column '%1': %2").arg(m_schema.columns[columns[i]].name, problem);
                return false;
            }
        }
        m_builder.endRow();
        return true;
    }

    // The column index of each name (-1 for an unused one); false for an unknown or missing one.
    bool columnsOf(const QJsonArray &names, const QString &where, QList<int> &out, QString &field, QString &problem)
    {
        QStringList given;
        for (int i = 0; i < names.size(); ++i) {
            if (!names[i].isString()) {
                field = where + QStringLiteral("[%1]").arg(i);
                problem = QStringLiteral("a column name must be a string, not %1").arg(shown(names[i]));
                return false;
            }
            given << names[i].toString();
        }
        auto bound = m_schema.bind(given);
        if (!bound) {
            field = where;
            for (int i = 0; i < given.size(); ++i) {
                if (bound.message().contains(QLatin1Char('\'') + given[i] + QLatin1Char('\'')))
                    field = where + QStringLiteral("[%1]").arg(i);
            }
            problem = bound.message();
            return false;
        }
        out = *bound;
        return true;
    }

    DataTable take() { return m_builder.finish(); }

private:
    const InputSchema &m_schema;
    InputTableBuilder m_builder;
};

} // namespace

struct Scorer::Parsed {
    enum class Dialect { V1, V2, MLflow } dialect = Dialect::V1;
    bool proba = false;
    DataTable table;
};

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Lengths leak nothing useful (keys have a fixed length); the bytes are all compared.
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const qsizetype n = std::max(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= (i < a.size() ? uchar(a[i]) : 0) ^ (i < b.size() ? uchar(b[i]) : 0);
    return diff == 0;
}

Scorer::Scorer(std::shared_ptr<const ml::TrainedPipeline> pipeline, int maxRows)
    : m_pipeline(std::move(pipeline)), m_schema(m_pipeline->inputColumns()), m_maxRows(maxRows)
{
}

Scorer::Scorer(std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster, int maxRows)
    : m_forecaster(std::move(forecaster)), m_schema(m_forecaster->inputColumns()), m_maxRows(maxRows)
{
}

QString Scorer::algorithm() const
{
    return m_forecaster ? m_forecaster->algorithm : m_pipeline->algorithm();
}

ScoreResponse Scorer::error(int status, const QString &message, const QString &field)
{
    QJsonObject o{{QStringLiteral("error"), message}};
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    return {status, json(o)};
}

ScoreResponse Scorer::score(Route route, const QByteArray &body, const QByteArray &contentType) const
{
    Parsed parsed;
    ScoreResponse failure;
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    if (route == Route::Score) {
        if (!type.isEmpty() && type != "application/json")
            return error(415, QStringLiteral("the body must be JSON (Content-Type: application/json), not %1").arg(QString::fromLatin1(type)));
        QJsonParseError problem;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &problem);
        if (problem.error != QJsonParseError::NoError)
            return error(400, QStringLiteral("invalid JSON at offset %1: %2").arg(problem.offset).arg(problem.errorString()));
        if (m_forecaster && doc.isObject())
            return scoreForecast(*m_forecaster, doc.object(), m_maxRows);
        if (!doc.isObject())
            return error(400, QStringLiteral("the body must be a JSON object with \"data\" (or \"Inputs\")"));
        if (!parseScore(doc.object(), parsed, failure))
            return failure;
    } else {
        if (m_forecaster)
            return error(400, QStringLiteral("a forecasting endpoint answers POST /score with {\"data\": [future rows]}; "
                                             "MLflow's /invocations scores rows on their own, which a forecast cannot"));
        if (!parseInvocations(body, type, parsed, failure))
            return failure;
    }
    return respond(parsed);
}

bool Scorer::parseScore(const QJsonObject &body, Parsed &out, ScoreResponse &failure) const
{
    QJsonValue rows, method;
    QString where;
    if (body.contains(QStringLiteral("Inputs"))) {
        out.dialect = Parsed::Dialect::V2;
        const QJsonValue inputs = body.value(QStringLiteral("Inputs"));
        if (!inputs.isObject() || !inputs.toObject().contains(QStringLiteral("data"))) {
            failure = error(400, QStringLiteral("\"Inputs\" must be an object with \"data\": a list of rows"), QStringLiteral("Inputs"));
            return false;
        }
        rows = inputs.toObject().value(QStringLiteral("data"));
        method = body.value(QStringLiteral("GlobalParameters")).toObject().value(QStringLiteral("method"));
        where = QStringLiteral("Inputs.data");
    } else if (body.contains(QStringLiteral("data"))) {
        rows = body.value(QStringLiteral("data"));
        method = body.value(QStringLiteral("method"));
        where = QStringLiteral("data");
    } else {
        failure = error(400, QStringLiteral("the body needs \"data\": a list of rows (Azure ML v1) or \"Inputs\": {\"data\": [...]} (v2)"));
        return false;
    }
    if (!method.isUndefined() && method != QJsonValue(QStringLiteral("predict")) && method != QJsonValue(QStringLiteral("predict_proba"))) {
        failure = error(400, QStringLiteral("method must be \"predict\" or \"predict_proba\", not %1").arg(shown(method)), QStringLiteral("method"));
        return false;
    }
    out.proba = method == QJsonValue(QStringLiteral("predict_proba"));
    if (out.proba && m_pipeline->task() != ml::Task::Classification) {
        failure = error(400, QStringLiteral("predict_proba needs a classification model"), QStringLiteral("method"));
        return false;
    }
    if (!rows.isArray()) {
        failure = error(400, QStringLiteral("must be a list of rows"), where);
        return false;
    }
    const QJsonArray list = rows.toArray();
    if (list.size() > m_maxRows) {
        failure = error(413, QStringLiteral("too many rows: %1 (at most %2 per request)").arg(list.size()).arg(m_maxRows), where);
        return false;
    }
    TableBuilder builder(m_pipeline->inputSchema());
    QString field, problem;
    for (int i = 0; i < list.size(); ++i) {
        if (!builder.addRecord(list[i], QStringLiteral("%1[%2]").arg(where).arg(i), field, problem)) {
            failure = error(400, problem, field);
            return false;
        }
    }
    out.table = builder.take();
    return true;
}

bool Scorer::parseInvocations(const QByteArray &body, const QByteArray &type, Parsed &out, ScoreResponse &failure) const
{
    out.dialect = Parsed::Dialect::MLflow;
    TableBuilder builder(m_pipeline->inputSchema());
    QString field, problem;
    auto tooMany = [&](qsizetype n, const QString &where) {
        if (n <= m_maxRows)
            return false;
        failure = error(413, QStringLiteral("too many rows: %1 (at most %2 per request)").arg(n).arg(m_maxRows), where);
        return true;
    };
    if (type == "text/csv") {
        // The same reader and rules as `predict --input`; errors name the line and column.
        auto table = m_pipeline->readInputData(body, QStringLiteral("the CSV body"));
        if (!table) {
            failure = error(400, table.message(), QStringLiteral("csv"));
            return false;
        }
        if (tooMany(qsizetype(table->rowCount), QStringLiteral("csv")))
            return false;
        out.table = std::move(*table);
        return true;
    }
    if (!type.isEmpty() && type != "application/json") {
        failure = error(415, QStringLiteral("the body must be JSON (application/json) or CSV (text/csv), not %1").arg(QString::fromLatin1(type)));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        failure = error(400, QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return false;
    }
    const QJsonObject o = doc.object();
    const QStringList keys = {QStringLiteral("dataframe_split"), QStringLiteral("dataframe_records"), QStringLiteral("instances"),
                              QStringLiteral("inputs")};
    QStringList present;
    for (const QString &k : keys)
        if (o.contains(k))
            present << k;
    if (!doc.isObject() || present.size() != 1) {
        failure = error(400, QStringLiteral("the body needs exactly one of %1%2")
                                 .arg(keys.join(QStringLiteral(", ")),
                                      present.size() > 1 ? QStringLiteral(" (it has %1)").arg(present.join(QStringLiteral(", "))) : QString()));
        return false;
    }
    const QString key = present.first();
    const QJsonValue value = o.value(key);
    if (key == QLatin1String("dataframe_split")) {
        const QJsonObject split = value.toObject();
        const QJsonArray rows = split.value(QStringLiteral("data")).toArray();
        if (!value.isObject() || !split.value(QStringLiteral("columns")).isArray() || !split.value(QStringLiteral("data")).isArray()) {
            failure = error(400, QStringLiteral("must be an object with \"columns\" and \"data\""), key);
            return false;
        }
        if (tooMany(rows.size(), key + QStringLiteral(".data")))
            return false;
        QList<int> columns;
        if (!builder.columnsOf(split.value(QStringLiteral("columns")).toArray(), key + QStringLiteral(".columns"), columns, field, problem)) {
            failure = error(400, problem, field);
            return false;
        }
        for (int i = 0; i < rows.size(); ++i)
            if (!builder.addList(rows[i], columns, QStringLiteral("%1.data[%2]").arg(key).arg(i), field, problem)) {
                failure = error(400, problem, field);
                return false;
            }
    } else if (key == QLatin1String("inputs") && value.isObject()) {
        // Column-oriented: {"age": [60, 75], ...}.
        const QJsonObject columns = value.toObject();
        QJsonArray records;
        qsizetype n = -1;
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            if (!it.value().isArray() || (n >= 0 && it.value().toArray().size() != n)) {
                failure = error(400, QStringLiteral("every column must be a list of the same length"), key + QLatin1Char('.') + it.key());
                return false;
            }
            n = it.value().toArray().size();
        }
        if (tooMany(n, key))
            return false;
        for (qsizetype r = 0; r < n; ++r) {
            QJsonObject row;
            for (auto it = columns.begin(); it != columns.end(); ++it)
                row.insert(it.key(), it.value().toArray().at(r));
            records.append(row);
        }
        for (int i = 0; i < records.size(); ++i)
            if (!builder.addRecord(records[i], QStringLiteral("%1[%2]").arg(key).arg(i), field, problem)) {
                failure = error(400, problem, field);
                return false;
            }
    } else {
        if (!value.isArray()) {
            failure = error(400, QStringLiteral("must be a list of rows"), key);
            return false;
        }
        const QJsonArray rows = value.toArray();
        if (tooMany(rows.size(), key))
            return false;
        QList<int> order; // a list row's values follow the schema
        for (int c = 0; c < m_schema.size(); ++c)
            order << c;
        for (int i = 0; i < rows.size(); ++i) {
            const QString where = QStringLiteral("%1[%2]").arg(key).arg(i);
            const bool ok = rows[i].isArray() && key != QLatin1String("dataframe_records")
                                ? builder.addList(rows[i], order, where, field, problem)
                                : builder.addRecord(rows[i], where, field, problem);
            if (!ok) {
                failure = error(400, problem, field);
                return false;
            }
        }
    }
    out.table = builder.take();
    return true;
}

ScoreResponse Scorer::respond(const Parsed &parsed) const
{
    QJsonArray results;
    if (parsed.table.rowCount > 0) {
        Result<std::vector<double>> predicted = Error{QString()};
        try {
            predicted = m_pipeline->predict(parsed.table);
        } catch (const std::exception &e) {
            return error(500, QStringLiteral("the model failed: %1").arg(QString::fromLocal8Bit(e.what())));
        }
        if (!predicted)
            return error(500, QStringLiteral("the model failed: %1").arg(predicted.message()));
        const std::vector<double> &p = *predicted;
        if (m_pipeline->task() == ml::Task::Regression) {
            for (double v : p)
                results.append(v);
        } else {
            const QStringList &classes = m_pipeline->classes();
            const qsizetype k = classes.size();
            // Each class as the label column writes it (see Scorer.h).
            QJsonArray answers;
            const auto type = m_pipeline->labelType();
            bool numbers = true; // a pipeline that did not record its label's type: numbers when every class is one
            for (const QString &c : classes) {
                bool ok = false;
                c.toDouble(&ok);
                numbers = numbers && ok;
            }
            for (const QString &c : classes) {
                const bool integer = type ? *type == ColumnType::Integer : numbers;
                const bool decimal = type ? *type == ColumnType::Decimal : false;
                const bool boolean = k == 2 && classes[0] == QLatin1String("false") && classes[1] == QLatin1String("true")
                                     && (!type || *type == ColumnType::Boolean);
                bool ok = false;
                const qint64 whole = c.toLongLong(&ok);
                if (boolean)
                    answers.append(c == QLatin1String("true"));
                else if (integer && ok)
                    answers.append(whole);
                else if (integer || decimal)
                    answers.append(c.toDouble());
                else
                    answers.append(c);
            }
            for (size_t r = 0; r < parsed.table.rowCount; ++r) {
                const double *row = p.data() + r * size_t(k);
                if (parsed.proba) {
                    QJsonArray probabilities;
                    for (qsizetype c = 0; c < k; ++c)
                        probabilities.append(row[c]);
                    results.append(probabilities);
                    continue;
                }
                results.append(answers[std::max_element(row, row + k) - row]);
            }
        }
    }
    switch (parsed.dialect) {
    case Parsed::Dialect::V1: return {200, json({{QStringLiteral("result"), results}})};
    case Parsed::Dialect::V2: return {200, json({{QStringLiteral("Results"), results}})};
    case Parsed::Dialect::MLflow: break;
    }
    return {200, json({{QStringLiteral("predictions"), results}})};
}

QJsonObject Scorer::lessonRow()
{
    return {{QStringLiteral("age"), QStringLiteral("60")},
            {QStringLiteral("anaemia"), QStringLiteral("false")},
            {QStringLiteral("creatinine_phosphokinase"), QStringLiteral("500")},
            {QStringLiteral("diabetes"), QStringLiteral("false")},
            {QStringLiteral("ejection_fraction"), QStringLiteral("38")},
            {QStringLiteral("high_blood_pressure"), QStringLiteral("false")},
            {QStringLiteral("platelets"), QStringLiteral("260000")},
            {QStringLiteral("serum_creatinine"), QStringLiteral("1.40")},
            {QStringLiteral("serum_sodium"), QStringLiteral("137")},
            {QStringLiteral("sex"), QStringLiteral("false")},
            {QStringLiteral("smoking"), QStringLiteral("false")},
            {QStringLiteral("time"), QStringLiteral("130")}};
}

QJsonObject Scorer::sampleRequest() const
{
    if (m_forecaster)
        return forecastSampleRequest(*m_forecaster);
    // A model of the lesson's columns gets the lesson's request.
    const QJsonObject lesson = lessonRow();
    const InputSchema &schema = m_pipeline->inputSchema();
    bool lessons = !schema.columns.isEmpty();
    for (const ColumnSpec &c : schema.columns)
        lessons = lessons && lesson.contains(c.name);
    for (auto it = lesson.begin(); it != lesson.end(); ++it)
        lessons = lessons && (schema.indexOf(it.key()) >= 0 || schema.isUnused(it.key()));
    return {{QStringLiteral("data"), QJsonArray{lessons ? lesson : m_pipeline->sampleRow()}}};
}

QJsonObject Scorer::openApi(const QString &serverUrl, bool keyAuth) const
{
    if (m_forecaster)
        return forecastOpenApi(serverUrl, keyAuth);
    QJsonObject properties;
    QJsonArray required;
    const InputSchema &input = m_pipeline->inputSchema();
    for (const ColumnSpec &c : input.columns) {
        QJsonObject p;
        switch (c.type) {
        case ColumnType::Integer: p = {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("format"), QStringLiteral("int64")}}; break;
        case ColumnType::Decimal: p = {{QStringLiteral("type"), QStringLiteral("number")}}; break;
        case ColumnType::Boolean:
            p = c.spelling.isDefault() ? QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}
                                       : QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                     {QStringLiteral("example"), c.spelling.trueText}};
            break;
        case ColumnType::DateTime:
            p = {{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("date-time")}};
            break;
        default: p = {{QStringLiteral("type"), QStringLiteral("string")}};
        }
        p.insert(QStringLiteral("nullable"), true);
        p.insert(QStringLiteral("description"), InputSchema::accepted(c) + QStringLiteral("; also as a string"));
        properties.insert(c.name, p);
        required.append(c.name);
    }
    for (const QString &name : input.unused)
        properties.insert(name, QJsonObject{{QStringLiteral("description"), QStringLiteral("known to the training data: accepted, not used")}});
    const QJsonObject row{{QStringLiteral("type"), QStringLiteral("object")},
                          {QStringLiteral("properties"), properties},
                          {QStringLiteral("required"), required},
                          {QStringLiteral("additionalProperties"), false}};
    const QJsonObject request{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("data")}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                          {QStringLiteral("maxItems"), m_maxRows},
                                                          {QStringLiteral("items"), row}}},
                     {QStringLiteral("method"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                            {QStringLiteral("enum"), QJsonArray{QStringLiteral("predict"), QStringLiteral("predict_proba")}}}}}}};
    const QJsonObject errorSchema = serve::errorSchema();
    const auto response = jsonResponse;
    QJsonObject responses{{QStringLiteral("200"), response(QStringLiteral("One prediction per row"),
                                                           QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}})},
                          {QStringLiteral("400"), response(QStringLiteral("A bad request; the field is named"), errorSchema)},
                          {QStringLiteral("413"), response(QStringLiteral("Too many rows or too large a body"), errorSchema)},
                          {QStringLiteral("415"), response(QStringLiteral("Not JSON"), errorSchema)},
                          {QStringLiteral("500"), response(QStringLiteral("The model failed"), errorSchema)}};
    if (keyAuth)
        responses.insert(QStringLiteral("401"), response(QStringLiteral("No valid key"), errorSchema));
    QJsonObject score{{QStringLiteral("summary"), QStringLiteral("Score rows (Azure ML)")},
                      {QStringLiteral("operationId"), QStringLiteral("score")},
                      {QStringLiteral("requestBody"),
                       QJsonObject{{QStringLiteral("required"), true},
                                   {QStringLiteral("content"),
                                    QJsonObject{{QStringLiteral("application/json"),
                                                 QJsonObject{{QStringLiteral("schema"), request},
                                                             {QStringLiteral("example"), sampleRequest()}}}}}}},
                      {QStringLiteral("responses"), responses}};
    QJsonObject invocations{{QStringLiteral("summary"), QStringLiteral("Score rows (MLflow scoring server)")},
                            {QStringLiteral("operationId"), QStringLiteral("invocations")},
                            {QStringLiteral("requestBody"),
                             QJsonObject{{QStringLiteral("required"), true},
                                         {QStringLiteral("content"),
                                          QJsonObject{{QStringLiteral("application/json"),
                                                       QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                                                                   {QStringLiteral("example"),
                                                                    QJsonObject{{QStringLiteral("dataframe_records"),
                                                                                 QJsonArray{m_pipeline->sampleRow()}}}}}},
                                                      {QStringLiteral("text/csv"),
                                                       QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}}}},
                            {QStringLiteral("responses"), responses}};
    QJsonObject doc{{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
                    {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Stratus endpoint: %1").arg(m_pipeline->algorithm())},
                                                         {QStringLiteral("description"), InputSchema::rules()},
                                                         {QStringLiteral("version"), QStringLiteral("1")}}},
                    {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), serverUrl}}}},
                    {QStringLiteral("paths"),
                     QJsonObject{{QStringLiteral("/score"), QJsonObject{{QStringLiteral("post"), score}}},
                                 {QStringLiteral("/invocations"), QJsonObject{{QStringLiteral("post"), invocations}}}}}};
    if (keyAuth)
        addKeyAuth(doc);
    return doc;
}

QJsonObject Scorer::forecastOpenApi(const QString &serverUrl, bool keyAuth) const
{
    const QJsonObject errorSchema = serve::errorSchema();
    const auto response = jsonResponse;
    QJsonObject responses{{QStringLiteral("200"), response(QStringLiteral("The forecast of each future row, its index and the quantiles asked for"),
                                                           forecastResponseSchema())},
                          {QStringLiteral("400"), response(QStringLiteral("A bad request; the field or row is named"), errorSchema)},
                          {QStringLiteral("413"), response(QStringLiteral("Too many rows or too large a body"), errorSchema)},
                          {QStringLiteral("415"), response(QStringLiteral("Not JSON"), errorSchema)}};
    if (keyAuth)
        responses.insert(QStringLiteral("401"), response(QStringLiteral("No valid key"), errorSchema));
    const QJsonObject score{{QStringLiteral("summary"), QStringLiteral("Forecast future periods (Azure ML forecasting)")},
                            {QStringLiteral("operationId"), QStringLiteral("score")},
                            {QStringLiteral("requestBody"),
                             QJsonObject{{QStringLiteral("required"), true},
                                         {QStringLiteral("content"),
                                          QJsonObject{{QStringLiteral("application/json"),
                                                       QJsonObject{{QStringLiteral("schema"), forecastRequestSchema(*m_forecaster)},
                                                                   {QStringLiteral("example"), sampleRequest()}}}}}}},
                            {QStringLiteral("responses"), responses}};
    QJsonObject doc{{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
                    {QStringLiteral("info"),
                     QJsonObject{{QStringLiteral("title"), QStringLiteral("Stratus forecasting endpoint: %1").arg(m_forecaster->algorithm)},
                                 {QStringLiteral("description"),
                                  QStringLiteral("Forecasts %1, %2, up to %3 periods after each series' history.")
                                      .arg(m_forecaster->label, m_forecaster->frequency.describe())
                                      .arg(m_forecaster->horizon)},
                                 {QStringLiteral("version"), QStringLiteral("1")}}},
                    {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), serverUrl}}}},
                    {QStringLiteral("paths"), QJsonObject{{QStringLiteral("/score"), QJsonObject{{QStringLiteral("post"), score}}}}}};
    if (keyAuth)
        addKeyAuth(doc);
    return doc;
}

} // namespace stratus::serve
