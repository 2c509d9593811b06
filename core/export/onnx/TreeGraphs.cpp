#include "export/onnx/LearnerGraphs.h"

#include "ml/learners/ExtraTrees.h"
#include "ml/learners/FlatForest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stratus::onnx {

namespace {

// A tree ensemble's nodes and leaf weights, as TreeEnsembleRegressor's attributes take them.
struct TreeTable {
    std::vector<int64_t> treeIds, nodeIds, featureIds, trueIds, falseIds, missingTrue, targetTree, targetNode, targetIds;
    std::vector<float> values, weights;
    QList<QByteArray> modes;

    // A branch of `tree` (to `left` when the value passes `mode`'s test) or,
    // with `left` < 0, a leaf.
    void add(int64_t tree, int64_t node, int64_t feature, float threshold, const char *mode, int64_t left, int64_t right,
             bool missingLeft)
    {
        const bool leaf = left < 0;
        treeIds.push_back(tree);
        nodeIds.push_back(node);
        featureIds.push_back(leaf ? 0 : feature);
        values.push_back(leaf ? 0.0f : threshold);
        modes << QByteArray(leaf ? "LEAF" : mode);
        trueIds.push_back(leaf ? 0 : left);
        falseIds.push_back(leaf ? 0 : right);
        missingTrue.push_back(!leaf && missingLeft);
    }
    // What a leaf adds to one target.
    void target(int64_t tree, int64_t node, int64_t id, float weight)
    {
        targetTree.push_back(tree);
        targetNode.push_back(node);
        targetIds.push_back(id);
        weights.push_back(weight);
    }

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

// One XGBoost model (JSON, read by FlatForest as Stratus predicts with it):
// its margins by TreeEnsembleRegressor, then its objective's transform.
Result<QString> booster(Graph &g, const QByteArray &json, const QString &x)
{
    auto forest = ml::FlatForest::fromJson(json);
    if (!forest)
        return Error{QStringLiteral("XGBoost: %1").arg(forest.message())};
    TreeTable table;
    const auto &trees = forest->trees();
    for (size_t t = 0; t < trees.size(); ++t) {
        const ml::FlatForest::Tree &tree = trees[t];
        for (size_t n = 0; n < tree.left.size(); ++n) {
            table.add(int64_t(t), int64_t(n), tree.feature[n], tree.condition[n], "BRANCH_LT", tree.left[n], tree.right[n],
                      tree.defaultLeft[n]);
            if (tree.left[n] < 0)
                table.target(int64_t(t), int64_t(n), tree.group, tree.condition[n]);
        }
    }
    const int groups = forest->groups();
    const bool logistic = forest->objective() == ml::FlatForest::Objective::Logistic;
    const QString margin = table.node(g, x, logistic ? 1 : groups,
                                      std::vector<float>(size_t(logistic ? 1 : groups), forest->baseMargin()), QStringLiteral("margin"));
    switch (forest->objective()) {
    case ml::FlatForest::Objective::Logistic: { // XGBoost's float probability; its complement in double
        const QString p = g.cast(g.node("Sigmoid", {margin}, QStringLiteral("p")), Double);
        return g.concat({g.sub(g.scalar(1.0), p), p}, 1);
    }
    case ml::FlatForest::Objective::Softmax:
        return g.cast(g.node("Softmax", {margin}, QStringLiteral("proba"), {attrInt("axis", 1)}), Double);
    case ml::FlatForest::Objective::Identity:
        break;
    }
    return g.cast(margin, Double);
}

} // namespace

// ExtremeRandomTrees (our own trees: left when value <= threshold; a leaf
// holds class shares or a mean): the average over trees, as leaf weights / trees.
Result<QString> extraTreesGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::ExtraTrees::read(bytes);
    if (!s)
        return s.error();
    TreeTable table;
    const double count = double(s->trees.size());
    for (size_t t = 0; t < s->trees.size(); ++t) {
        const ml::ExtraTrees::Tree &tree = s->trees[t];
        for (size_t n = 0; n < tree.feature.size(); ++n) {
            const bool leaf = tree.feature[n] < 0;
            table.add(int64_t(t), int64_t(n), tree.feature[n], tree.threshold[n], "BRANCH_LEQ", leaf ? -1 : tree.left[n], tree.right[n],
                      false);
            for (int c = 0; leaf && c < s->outputs; ++c)
                table.target(int64_t(t), int64_t(n), c, float(double(tree.outputs[tree.value[n] + quint32(c)]) / count));
        }
    }
    return g.cast(table.node(g, x, s->outputs, std::vector<float>(size_t(s->outputs), 0.0f), QStringLiteral("forest")), Double);
}

Result<QString> xgboostGraph(Graph &g, const QByteArray &bytes, const QString &x)
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
        auto part = booster(g, bytes.mid(at, length), x);
        if (!part)
            return part;
        at += length;
        const double share = std::max(1, p.toObject().value(QStringLiteral("trees")).toInt(1)) / total;
        const QString weighted = parts.size() == 1 ? *part : g.mul(*part, g.scalar(share));
        sum = sum.isEmpty() ? weighted : g.add(sum, weighted);
    }
    return sum;
}

} // namespace stratus::onnx
