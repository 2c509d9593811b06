#include "OnnxExport.h"

#include "FlatForest.h"
#include "ModelStore.h"
#include "Protobuf.h"
#include "TrainedPipeline.h"
#include "VectorStream.h"
#include "Workspace.h"

#include <QDataStream>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cmath>
#include <cstring>

namespace stratus::onnx {

namespace {

enum DataType { Float = 1, Int64 = 7, String = 8, Bool = 9, Double = 11 };

Message attribute(const char *name) { return Message().string(1, name); }
Message attrInt(const char *name, int64_t v) { return attribute(name).varint(3, uint64_t(v)).varint(20, 2); }
Message attrString(const char *name, const QByteArray &v) { return attribute(name).bytes(4, v).varint(20, 3); }
Message attrInts(const char *name, const std::vector<int64_t> &v) { return attribute(name).packedVarints(8, v).varint(20, 7); }
Message attrFloats(const char *name, const std::vector<float> &v) { return attribute(name).packedFloats(7, v).varint(20, 6); }
Message attrStrings(const char *name, const QList<QByteArray> &v)
{
    Message m = attribute(name);
    for (const QByteArray &s : v)
        m.bytes(9, s);
    return m.varint(20, 8);
}

Message valueInfo(const QString &name, int type, const std::vector<int64_t> &dims)
{
    Message shape;
    for (int64_t d : dims)
        shape.message(1, d < 0 ? Message().string(2, "N") : Message().varint(1, uint64_t(d)));
    Message tensor;
    tensor.varint(1, uint64_t(type)).message(2, shape);
    return Message().bytes(1, name.toUtf8()).message(2, Message().message(1, tensor));
}

// A graph under construction: nodes, initializers, unique names.
class Graph {
public:
    QString name(const QString &base) { return QStringLiteral("%1_%2").arg(base).arg(++m_counter); }

    QString node(const char *op, const QStringList &inputs, const QString &outputBase, std::vector<Message> attributes = {},
                 const char *domain = "")
    {
        const QString out = name(outputBase);
        nodeTo(op, inputs, out, std::move(attributes), domain);
        return out;
    }

    // A node whose output has exactly this name (the graph's outputs).
    void nodeTo(const char *op, const QStringList &inputs, const QString &out, std::vector<Message> attributes = {},
                const char *domain = "")
    {
        Message n;
        for (const QString &i : inputs)
            n.bytes(1, i.toUtf8());
        n.bytes(2, out.toUtf8()).bytes(3, (QLatin1String(op) + QLatin1Char('_') + out).toUtf8()).string(4, op);
        for (const Message &a : attributes)
            n.message(5, a);
        if (*domain)
            n.string(7, domain);
        m_nodes.push_back(n);
    }

    QString doubles(const std::vector<double> &values, const std::vector<int64_t> &dims)
    {
        QByteArray raw(qsizetype(values.size() * 8), Qt::Uninitialized);
        std::memcpy(raw.data(), values.data(), values.size() * 8);
        return initializer(Double, dims, raw);
    }
    QString floats(const std::vector<float> &values, const std::vector<int64_t> &dims)
    {
        QByteArray raw(qsizetype(values.size() * 4), Qt::Uninitialized);
        std::memcpy(raw.data(), values.data(), values.size() * 4);
        return initializer(Float, dims, raw);
    }
    QString strings(const QStringList &values)
    {
        const QString n = name(QStringLiteral("strings"));
        Message t;
        t.packedVarints(1, {int64_t(values.size())}).varint(2, String).bytes(8, n.toUtf8());
        for (const QString &v : values)
            t.bytes(6, v.toUtf8());
        m_initializers.push_back(t);
        return n;
    }

    void input(const Message &m) { m_inputs.push_back(m); }
    void output(const Message &m) { m_outputs.push_back(m); }

    Message build(const QString &graphName) const
    {
        Message g;
        for (const Message &n : m_nodes)
            g.message(1, n);
        g.bytes(2, graphName.toUtf8());
        for (const Message &t : m_initializers)
            g.message(5, t);
        for (const Message &i : m_inputs)
            g.message(11, i);
        for (const Message &o : m_outputs)
            g.message(12, o);
        return g;
    }

private:
    QString initializer(int type, const std::vector<int64_t> &dims, const QByteArray &raw)
    {
        const QString n = name(QStringLiteral("const"));
        Message t;
        if (!dims.empty())
            t.packedVarints(1, dims);
        t.varint(2, uint64_t(type)).bytes(8, n.toUtf8()).bytes(9, raw);
        m_initializers.push_back(t);
        return n;
    }

    std::vector<Message> m_nodes, m_initializers, m_inputs, m_outputs;
    int m_counter = 0;
};

// A tree ensemble's nodes and leaf weights, as TreeEnsembleRegressor's attributes take them.
struct TreeTable {
    std::vector<int64_t> treeIds, nodeIds, featureIds, trueIds, falseIds, missingTrue, targetTree, targetNode, targetIds;
    std::vector<float> values, weights;
    QList<QByteArray> modes;

    // The per-target sums of the leaves reached (plus `base`), [N, targets].
    QString node(Graph &g, const QString &x, int targets, const std::vector<float> &base, const QString &outputBase) const
    {
        return g.node("TreeEnsembleRegressor", {x}, outputBase,
                      {attrInt("n_targets", targets), attrInts("nodes_treeids", treeIds), attrInts("nodes_nodeids", nodeIds),
                       attrInts("nodes_featureids", featureIds), attrFloats("nodes_values", values), attrStrings("nodes_modes", modes),
                       attrInts("nodes_truenodeids", trueIds), attrInts("nodes_falsenodeids", falseIds),
                       attrInts("nodes_missing_value_tracks_true", missingTrue), attrInts("target_treeids", targetTree),
                       attrInts("target_nodeids", targetNode), attrInts("target_ids", targetIds), attrFloats("target_weights", weights),
                       attrString("aggregate_function", "SUM"), attrFloats("base_values", base), attrString("post_transform", "NONE")},
                      "ai.onnx.ml");
    }
};

struct Exporter {
    Graph g;
    QHash<QString, QString> inputsAsDouble; // column -> its double [N,1] value

    Result<QString> featurize(const QJsonObject &featurizer, const QString &member)
    {
        QStringList features;
        for (const QJsonValue &v : featurizer.value(QStringLiteral("steps")).toArray()) {
            const QJsonObject s = v.toObject();
            const QString column = s.value(QStringLiteral("name")).toString();
            const QString x = inputsAsDouble.value(column);
            if (x.isEmpty())
                return Error{QStringLiteral("%1: column '%2' is not an input").arg(member, column)};
            switch (s.value(QStringLiteral("kind")).toInt()) {
            case 0: { // numeric: impute, standardise, missing indicator
                const QString missing = g.node("IsNaN", {x}, QStringLiteral("missing"));
                const QString filled = g.node("Where", {missing, g.doubles({s.value(QStringLiteral("fill")).toDouble()}, {}), x}, QStringLiteral("filled"));
                const QString centred = g.node("Sub", {filled, g.doubles({s.value(QStringLiteral("mean")).toDouble()}, {})}, QStringLiteral("centred"));
                const QString scaled = g.node("Div", {centred, g.doubles({s.value(QStringLiteral("scale")).toDouble()}, {})}, QStringLiteral("scaled"));
                features << g.node("Cast", {scaled}, QStringLiteral("feature"), {attrInt("to", Float)});
                if (s.value(QStringLiteral("indicator")).toBool())
                    features << g.node("Cast", {missing}, QStringLiteral("indicator"), {attrInt("to", Float)});
                break;
            }
            case 1: { // one-hot of integer values
                std::vector<double> values;
                for (const QJsonValue &n : s.value(QStringLiteral("numbers")).toArray())
                    values.push_back(n.toDouble());
                const QString equal = g.node("Equal", {x, g.doubles(values, {int64_t(values.size())})}, QStringLiteral("equal"));
                features << g.node("Cast", {equal}, QStringLiteral("onehot"), {attrInt("to", Float)});
                break;
            }
            default:
                return Error{QStringLiteral("%1: column '%2' is %3-encoded, which this export cannot express yet (numeric and "
                                            "integer one-hot columns can be)")
                                 .arg(member, column,
                                      QStringList{QStringLiteral("numeric"), QStringLiteral("one-hot"), QStringLiteral("category one-hot"),
                                                  QStringLiteral("frequency"), QStringLiteral("text"), QStringLiteral("datetime")}
                                          .value(s.value(QStringLiteral("kind")).toInt(), QStringLiteral("otherwise")))};
            }
        }
        if (features.isEmpty())
            return Error{QStringLiteral("%1: no features").arg(member)};
        return features.size() == 1 ? features.first() : g.node("Concat", features, QStringLiteral("features"), {attrInt("axis", 1)});
    }

    // LogisticRegression: per class the weights, then the bias; softmax in double.
    Result<QString> logistic(const QByteArray &bytes, const QString &x)
    {
        QDataStream in(bytes);
        quint32 features = 0, count = 0;
        qint32 classes = 0;
        in >> features >> classes >> count;
        if (classes < 2 || count != (features + 1) * quint32(classes))
            return Error{QStringLiteral("LogisticRegression: the stored model is damaged")};
        std::vector<double> w, b;
        for (qint32 c = 0; c < classes; ++c) {
            for (quint32 f = 0; f <= features; ++f) {
                double v = 0;
                in >> v;
                (f < features ? w : b).push_back(v);
            }
        }
        const QString xd = g.node("Cast", {x}, QStringLiteral("xd"), {attrInt("to", Double)});
        const QString z = g.node("Gemm", {xd, g.doubles(w, {classes, int64_t(features)}), g.doubles(b, {classes})}, QStringLiteral("scores"),
                                 {attrInt("transB", 1)});
        const QString p = g.node("Softmax", {z}, QStringLiteral("softmax"), {attrInt("axis", 1)});
        return g.node("Cast", {p}, QStringLiteral("proba"), {attrInt("to", Float)});
    }

    // One XGBoost model (JSON, read by FlatForest as Stratus predicts with it):
    // its margins by TreeEnsembleRegressor, then its objective's transform.
    Result<QString> booster(const QByteArray &json, const QString &x)
    {
        auto forest = ml::FlatForest::fromJson(json);
        if (!forest)
            return Error{QStringLiteral("XGBoost: %1").arg(forest.message())};
        TreeTable table;
        auto &[treeIds, nodeIds, featureIds, trueIds, falseIds, missingTrue, targetTree, targetNode, targetIds, values, weights, modes] = table;
        const auto &trees = forest->trees();
        for (size_t t = 0; t < trees.size(); ++t) {
            const ml::FlatForest::Tree &tree = trees[t];
            for (size_t n = 0; n < tree.left.size(); ++n) {
                const bool leaf = tree.left[n] < 0;
                treeIds.push_back(int64_t(t));
                nodeIds.push_back(int64_t(n));
                featureIds.push_back(leaf ? 0 : tree.feature[n]);
                values.push_back(leaf ? 0.0f : tree.condition[n]);
                modes << (leaf ? QByteArray("LEAF") : QByteArray("BRANCH_LT"));
                trueIds.push_back(leaf ? 0 : tree.left[n]);
                falseIds.push_back(leaf ? 0 : tree.right[n]);
                missingTrue.push_back(!leaf && tree.defaultLeft[n]);
                if (leaf) {
                    targetTree.push_back(int64_t(t));
                    targetNode.push_back(int64_t(n));
                    targetIds.push_back(tree.group);
                    weights.push_back(tree.condition[n]);
                }
            }
        }
        const int groups = forest->groups();
        const bool logistic = forest->objective() == ml::FlatForest::Objective::Logistic;
        const QString margin = table.node(g, x, logistic ? 1 : groups,
                                          std::vector<float>(size_t(logistic ? 1 : groups), forest->baseMargin()), QStringLiteral("margin"));
        switch (forest->objective()) {
        case ml::FlatForest::Objective::Logistic: {
            const QString p = g.node("Sigmoid", {margin}, QStringLiteral("p"));
            const QString q = g.node("Sub", {g.floats({1.0f}, {}), p}, QStringLiteral("q"));
            return g.node("Concat", {q, p}, QStringLiteral("proba"), {attrInt("axis", 1)});
        }
        case ml::FlatForest::Objective::Softmax:
            return g.node("Softmax", {margin}, QStringLiteral("proba"), {attrInt("axis", 1)});
        case ml::FlatForest::Objective::Identity:
            break;
        }
        return margin;
    }

    // ExtremeRandomTrees (our own trees: left when value <= threshold; a leaf
    // holds class shares or a mean): the average over trees, as leaf weights / trees.
    Result<QString> extraTrees(const QByteArray &bytes, const QString &x)
    {
        using ml::operator>>; // the vectors as ExtraTrees wrote them
        QDataStream in(bytes);
        quint32 magic = 0, count = 0;
        qint32 outputs = 0;
        in >> magic >> outputs >> count;
        if (magic != 0x45545231 || outputs < 1 || count == 0)
            return Error{QStringLiteral("ExtremeRandomTrees: the stored model is damaged")};
        TreeTable table;
        auto &[treeIds, nodeIds, featureIds, trueIds, falseIds, missingTrue, targetTree, targetNode, targetIds, values, weights, modes] = table;
        for (quint32 t = 0; t < count; ++t) {
            std::vector<qint32> feature, left, right;
            std::vector<float> threshold, leafOutputs;
            std::vector<quint32> value;
            in >> feature >> left >> right >> threshold >> value >> leafOutputs;
            if (in.status() != QDataStream::Ok || left.size() != feature.size() || right.size() != feature.size()
                || threshold.size() != feature.size() || value.size() != feature.size())
                return Error{QStringLiteral("ExtremeRandomTrees: the stored model is damaged")};
            for (size_t n = 0; n < feature.size(); ++n) {
                const bool leaf = feature[n] < 0;
                treeIds.push_back(t);
                nodeIds.push_back(int64_t(n));
                featureIds.push_back(leaf ? 0 : feature[n]);
                values.push_back(leaf ? 0.0f : threshold[n]);
                modes << (leaf ? QByteArray("LEAF") : QByteArray("BRANCH_LEQ"));
                trueIds.push_back(leaf ? 0 : left[n]);
                falseIds.push_back(leaf ? 0 : right[n]);
                missingTrue.push_back(0);
                if (!leaf)
                    continue;
                for (qint32 c = 0; c < outputs; ++c) {
                    if (size_t(value[n]) + size_t(c) >= leafOutputs.size())
                        return Error{QStringLiteral("ExtremeRandomTrees: the stored model is damaged")};
                    targetTree.push_back(t);
                    targetNode.push_back(int64_t(n));
                    targetIds.push_back(c);
                    weights.push_back(float(double(leafOutputs[value[n] + quint32(c)]) / double(count)));
                }
            }
        }
        return table.node(g, x, outputs, std::vector<float>(size_t(outputs), 0.0f), QStringLiteral("forest"));
    }

    Result<QString> trees(const QByteArray &bytes, const QString &x)
    {
        const qsizetype newline = bytes.indexOf('\n');
        const QJsonArray parts = QJsonDocument::fromJson(bytes.left(newline)).object().value(QStringLiteral("parts")).toArray();
        if (newline < 0 || parts.isEmpty())
            return Error{QStringLiteral("XGBoost: the stored model is damaged")};
        double total = 0;
        for (const QJsonValue &p : parts)
            total += std::max(1, p.toObject().value(QStringLiteral("trees")).toInt(1));
        QString sum;
        qsizetype at = newline + 1;
        for (const QJsonValue &p : parts) {
            const qint64 length = p.toObject().value(QStringLiteral("bytes")).toInteger();
            auto part = booster(bytes.mid(at, length), x);
            if (!part)
                return part;
            at += length;
            const float share = float(std::max(1, p.toObject().value(QStringLiteral("trees")).toInt(1)) / total);
            const QString weighted = parts.size() == 1 ? *part : g.node("Mul", {*part, g.floats({share}, {})}, QStringLiteral("share"));
            sum = sum.isEmpty() ? weighted : g.node("Add", {sum, weighted}, QStringLiteral("parts"));
        }
        return sum;
    }
};

} // namespace

QStringList exportableAlgorithms()
{
    return {QStringLiteral("LogisticRegression"),  QStringLiteral("XGBoostClassifier"), QStringLiteral("XGBoostRegressor"),
            QStringLiteral("RandomForest"),        QStringLiteral("ExtremeRandomTrees"), QStringLiteral("VotingEnsemble")};
}

Result<QByteArray> exportPipeline(const QJsonObject &pipelineJson, const QString &modelName)
{
    auto pipeline = ml::TrainedPipeline::fromJson(pipelineJson);
    if (!pipeline)
        return pipeline.error();
    if (pipelineJson.contains(QStringLiteral("meta")))
        return Error{QStringLiteral("%1: a StackEnsemble's meta-learner cannot be exported yet (a VotingEnsemble can)").arg(pipeline->algorithm())};
    Exporter e;
    for (const auto &[name, type] : pipeline->inputColumns()) {
        const int dataType = type == ColumnType::Integer ? Int64 : type == ColumnType::Boolean ? Bool : Double;
        if (type != ColumnType::Integer && type != ColumnType::Boolean && type != ColumnType::Decimal)
            return Error{QStringLiteral("column '%1' is %2: only numeric and boolean inputs can be exported yet").arg(name, columnTypeName(type))};
        e.g.input(valueInfo(name, dataType, {-1, 1}));
        e.inputsAsDouble.insert(name, dataType == Double ? name : e.g.node("Cast", {name}, QStringLiteral("input"), {attrInt("to", Double)}));
    }
    const bool regression = pipeline->task() == ml::Task::Regression;
    const int classes = regression ? 0 : int(pipeline->classes().size());
    QString total;
    for (const QJsonValue &v : pipelineJson.value(QStringLiteral("members")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString algorithm = m.value(QStringLiteral("algorithm")).toString();
        if (!exportableAlgorithms().contains(algorithm))
            return Error{QStringLiteral("%1 cannot be exported to ONNX yet (exportable: %2)")
                             .arg(algorithm, exportableAlgorithms().join(QStringLiteral(", ")))};
        auto x = e.featurize(m.value(QStringLiteral("featurizer")).toObject(), algorithm);
        if (!x)
            return x.error();
        const QByteArray bytes = QByteArray::fromBase64(m.value(QStringLiteral("model")).toString().toLatin1());
        auto p = algorithm == QLatin1String("LogisticRegression")   ? e.logistic(bytes, *x)
                 : algorithm == QLatin1String("ExtremeRandomTrees") ? e.extraTrees(bytes, *x)
                                                                    : e.trees(bytes, *x);
        if (!p)
            return p.error();
        const float weight = float(m.value(QStringLiteral("weight")).toDouble(1.0));
        const QString weighted = weight == 1.0f ? *p : e.g.node("Mul", {*p, e.g.floats({weight}, {})}, QStringLiteral("weighted"));
        total = total.isEmpty() ? weighted : e.g.node("Add", {total, weighted}, QStringLiteral("ensemble"));
    }
    if (total.isEmpty())
        return Error{QStringLiteral("the pipeline has no model")};
    if (regression) {
        e.g.nodeTo("Identity", {total}, QStringLiteral("variable"));
        e.g.output(valueInfo(QStringLiteral("variable"), Float, {-1, 1}));
    } else {
        const QString argmax = e.g.node("ArgMax", {total}, QStringLiteral("argmax"), {attrInt("axis", 1), attrInt("keepdims", 0)});
        e.g.nodeTo("Gather", {e.g.strings(pipeline->classes()), argmax}, QStringLiteral("label"));
        e.g.nodeTo("Identity", {total}, QStringLiteral("probabilities"));
        e.g.output(valueInfo(QStringLiteral("label"), String, {-1}));
        e.g.output(valueInfo(QStringLiteral("probabilities"), Float, {-1, classes}));
    }
    Message model;
    model.varint(1, 8) // IR version 8
        .message(8, Message().string(1, "").varint(2, 15))
        .message(8, Message().string(1, "ai.onnx.ml").varint(2, 3))
        .string(2, "Stratus")
        .message(7, e.g.build(modelName));
    return model.data();
}

Status exportModel(Workspace &ws, const QString &reference, const QString &path)
{
    ModelStore models(ws);
    auto version = models.resolve(reference);
    if (!version)
        return version.error();
    auto stored = models.pipeline(*version);
    if (!stored)
        return stored.error();
    auto bytes = exportPipeline(QJsonDocument::fromJson(*stored).object(), version->name);
    if (!bytes)
        return Error{QStringLiteral("%1: %2").arg(version->reference(), bytes.message())};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    file.write(*bytes);
    if (!file.commit())
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace stratus::onnx
