#include "ml/learners/FlatForest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace stratus::ml {

namespace {

template <typename T>
std::vector<T> numbers(const QJsonValue &v)
{
    std::vector<T> out;
    const QJsonArray a = v.toArray();
    out.reserve(size_t(a.size()));
    for (const QJsonValue &x : a)
        out.push_back(T(x.isBool() ? (x.toBool() ? 1 : 0) : x.toDouble()));
    return out;
}

} // namespace

Result<FlatForest> FlatForest::fromJson(const QByteArray &json)
{
    const QJsonObject learner = QJsonDocument::fromJson(json).object().value(QStringLiteral("learner")).toObject();
    const QJsonObject booster = learner.value(QStringLiteral("gradient_booster")).toObject();
    if (booster.value(QStringLiteral("name")).toString() != QLatin1String("gbtree"))
        return Error{QStringLiteral("not a gbtree model")};
    const QString objective = learner.value(QStringLiteral("objective")).toObject().value(QStringLiteral("name")).toString();
    const QJsonObject param = learner.value(QStringLiteral("learner_model_param")).toObject();
    FlatForest f;
    const double base = param.value(QStringLiteral("base_score")).toString().toDouble();
    f.m_groups = std::max(1, param.value(QStringLiteral("num_class")).toString().toInt());
    if (objective == QLatin1String("binary:logistic")) {
        f.m_objective = Objective::Logistic;
        f.m_baseMargin = float(-std::log(1.0 / base - 1.0));
    } else if (objective == QLatin1String("multi:softprob") || objective == QLatin1String("multi:softmax")) {
        f.m_objective = Objective::Softmax;
        f.m_baseMargin = float(base);
    } else if (objective == QLatin1String("reg:squarederror")) {
        f.m_objective = Objective::Identity;
        f.m_baseMargin = float(base);
    } else {
        return Error{QStringLiteral("objective %1 is not walked here").arg(objective)};
    }
    const QJsonObject model = booster.value(QStringLiteral("model")).toObject();
    const QJsonArray trees = model.value(QStringLiteral("trees")).toArray();
    const std::vector<int> info = numbers<int>(model.value(QStringLiteral("tree_info")));
    if (info.size() != size_t(trees.size()))
        return Error{QStringLiteral("tree_info does not match the trees")};
    f.m_trees.reserve(size_t(trees.size()));
    for (qsizetype i = 0; i < trees.size(); ++i) {
        const QJsonObject t = trees[i].toObject();
        Tree tree;
        tree.left = numbers<int32_t>(t.value(QStringLiteral("left_children")));
        tree.right = numbers<int32_t>(t.value(QStringLiteral("right_children")));
        tree.feature = numbers<int32_t>(t.value(QStringLiteral("split_indices")));
        tree.condition = numbers<float>(t.value(QStringLiteral("split_conditions")));
        tree.defaultLeft = numbers<uint8_t>(t.value(QStringLiteral("default_left")));
        tree.group = info[size_t(i)];
        const size_t n = tree.left.size();
        if (n == 0 || tree.right.size() != n || tree.feature.size() != n || tree.condition.size() != n || tree.defaultLeft.size() != n
            || tree.group < 0 || tree.group >= f.m_groups)
            return Error{QStringLiteral("tree %1 is malformed").arg(i)};
        for (size_t node = 0; node < n; ++node)
            if (tree.left[node] >= int32_t(n) || tree.right[node] >= int32_t(n) || (tree.left[node] >= 0 && tree.left[node] <= int32_t(node)))
                return Error{QStringLiteral("tree %1 is malformed").arg(i)};
        f.m_trees.push_back(std::move(tree));
    }
    return f;
}

void FlatForest::predict(const float *row, size_t cols, float *out) const
{
    float margin[64];
    std::vector<float> wide;
    float *m = margin;
    if (m_groups > 64) {
        wide.resize(size_t(m_groups));
        m = wide.data();
    }
    std::fill(m, m + m_groups, m_baseMargin);
    for (const Tree &t : m_trees) {
        int32_t node = 0;
        while (t.left[size_t(node)] >= 0) {
            const int32_t f = t.feature[size_t(node)];
            const float v = size_t(f) < cols ? row[f] : std::nanf("");
            node = std::isnan(v) ? (t.defaultLeft[size_t(node)] ? t.left[size_t(node)] : t.right[size_t(node)])
                                 : (v < t.condition[size_t(node)] ? t.left[size_t(node)] : t.right[size_t(node)]);
        }
        m[t.group] += t.condition[size_t(node)];
    }
    switch (m_objective) {
    case Objective::Logistic:
        out[0] = 1.0f / (1.0f + std::exp(-m[0]));
        return;
    case Objective::Identity:
        out[0] = m[0];
        return;
    case Objective::Softmax: {
        const float top = *std::max_element(m, m + m_groups);
        float sum = 0;
        for (int g = 0; g < m_groups; ++g)
            sum += (out[g] = std::exp(m[g] - top));
        for (int g = 0; g < m_groups; ++g)
            out[g] /= sum;
        return;
    }
    }
}

} // namespace stratus::ml
