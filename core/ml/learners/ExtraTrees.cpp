#include "ml/learners/ExtraTrees.h"

#include <QDataStream>
#include "ml/learners/VectorStream.h"
#include <QIODevice>
#include <algorithm>
#include <numeric>
#include <random>
#include <thread>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x45545231; // "ETR1"

// One tree, flat: node i splits on feature[i] at threshold[i] (left: value <=
// threshold), or is a leaf (feature -1) whose outputs start at value[i].
using Tree = ExtraTrees::Tree;

class TreeGrower {
public:
    // columns: the features column by column (feature f of row r at f * rows + r),
    // so a node's scan of one feature stays within one column.
    TreeGrower(const FeatureMatrix &x, const std::vector<float> &columns, const Labels &y, int features, int minLeaf,
               int maxDepth, quint64 seed)
        : m_x(x), m_columns(columns), m_y(y), m_outputs(y.task == Task::Classification ? y.classes : 1), m_tries(features),
          m_minLeaf(minLeaf), m_maxDepth(maxDepth), m_rng(seed)
    {
    }

    Tree grow()
    {
        std::vector<quint32> rows(m_x.rows);
        std::iota(rows.begin(), rows.end(), 0u);
        m_order.resize(m_x.cols);
        std::iota(m_order.begin(), m_order.end(), 0);
        split(rows.data(), rows.size(), 0);
        return std::move(m_tree);
    }

private:
    // Impurity times the row count: Gini for classes, the sum of squares for values.
    double impurity(const double *sum, double sumSquares, double n) const
    {
        if (n <= 0)
            return 0;
        if (m_y.task == Task::Regression)
            return sumSquares - sum[0] * sum[0] / n;
        double g = n;
        for (int c = 0; c < m_outputs; ++c)
            g -= sum[c] * sum[c] / n;
        return g;
    }

    void totals(const quint32 *rows, size_t n, std::vector<double> &sum, double &squares) const
    {
        std::fill(sum.begin(), sum.end(), 0.0);
        squares = 0;
        for (size_t i = 0; i < n; ++i) {
            const float v = m_y.values[rows[i]];
            if (m_y.task == Task::Regression) {
                sum[0] += v;
                squares += double(v) * v;
            } else {
                sum[size_t(v)] += 1;
            }
        }
    }

    qint32 leaf(const std::vector<double> &sum, size_t n)
    {
        const qint32 id = addNode();
        m_tree.value[size_t(id)] = quint32(m_tree.outputs.size());
        for (int c = 0; c < m_outputs; ++c)
            m_tree.outputs.push_back(float(sum[size_t(c)] / double(n)));
        return id;
    }

    qint32 addNode()
    {
        m_tree.feature.push_back(-1);
        m_tree.left.push_back(-1);
        m_tree.right.push_back(-1);
        m_tree.threshold.push_back(0);
        m_tree.value.push_back(0);
        return qint32(m_tree.feature.size() - 1);
    }

    qint32 split(quint32 *rows, size_t n, int depth)
    {
        std::vector<double> sum(static_cast<size_t>(m_outputs)), leftSum(static_cast<size_t>(m_outputs));
        double squares = 0;
        totals(rows, n, sum, squares);
        const double parent = impurity(sum.data(), squares, double(n));
        if (n < size_t(2 * m_minLeaf) || (m_maxDepth > 0 && depth >= m_maxDepth) || parent <= 1e-12)
            return leaf(sum, n);
        int bestFeature = -1;
        float bestThreshold = 0;
        double bestGain = 0;
        // Draw features without replacement until m_tries non-constant ones were tried.
        int tried = 0;
        for (size_t k = 0; k < m_order.size() && tried < m_tries; ++k) {
            std::swap(m_order[k], m_order[std::uniform_int_distribution<size_t>(k, m_order.size() - 1)(m_rng)]);
            const int f = m_order[k];
            const float *column = m_columns.data() + size_t(f) * m_x.rows;
            float lo = column[rows[0]], hi = lo;
            for (size_t i = 1; i < n; ++i) {
                const float v = column[rows[i]];
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            if (!(hi > lo))
                continue;
            ++tried;
            float t = float(std::uniform_real_distribution<double>(lo, hi)(m_rng));
            if (t >= hi)
                t = lo;
            std::fill(leftSum.begin(), leftSum.end(), 0.0);
            double leftSquares = 0;
            size_t leftCount = 0;
            for (size_t i = 0; i < n; ++i) {
                if (column[rows[i]] > t)
                    continue;
                ++leftCount;
                const float v = m_y.values[rows[i]];
                if (m_y.task == Task::Regression) {
                    leftSum[0] += v;
                    leftSquares += double(v) * v;
                } else {
                    leftSum[size_t(v)] += 1;
                }
            }
            if (leftCount < size_t(m_minLeaf) || n - leftCount < size_t(m_minLeaf))
                continue;
            std::vector<double> rightSum(static_cast<size_t>(m_outputs));
            for (size_t c = 0; c < rightSum.size(); ++c)
                rightSum[c] = sum[c] - leftSum[c];
            const double gain = parent - impurity(leftSum.data(), leftSquares, double(leftCount))
                - impurity(rightSum.data(), squares - leftSquares, double(n - leftCount));
            if (gain > bestGain) {
                bestGain = gain;
                bestFeature = f;
                bestThreshold = t;
            }
        }
        if (bestFeature < 0)
            return leaf(sum, n);
        const float *best = m_columns.data() + size_t(bestFeature) * m_x.rows;
        quint32 *middle = std::partition(rows, rows + n, [&](quint32 r) { return best[r] <= bestThreshold; });
        const qint32 id = addNode();
        m_tree.feature[size_t(id)] = bestFeature;
        m_tree.threshold[size_t(id)] = bestThreshold;
        const qint32 left = split(rows, size_t(middle - rows), depth + 1);
        const qint32 right = split(middle, n - size_t(middle - rows), depth + 1);
        m_tree.left[size_t(id)] = left;
        m_tree.right[size_t(id)] = right;
        return id;
    }

    const FeatureMatrix &m_x;
    const std::vector<float> &m_columns;
    const Labels &m_y;
    int m_outputs, m_tries, m_minLeaf, m_maxDepth;
    std::mt19937_64 m_rng;
    std::vector<int> m_order;
    Tree m_tree;
};

class ForestModel : public Model {
public:
    ForestModel(int outputs, std::vector<Tree> trees) : m_outputs(outputs), m_trees(std::move(trees)) {}

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        std::vector<double> out(x.rows * size_t(m_outputs), 0.0);
        for (const Tree &t : m_trees) {
            for (size_t r = 0; r < x.rows; ++r) {
                qint32 node = 0;
                while (t.feature[size_t(node)] >= 0)
                    node = x.at(r, size_t(t.feature[size_t(node)])) <= t.threshold[size_t(node)] ? t.left[size_t(node)]
                                                                                                 : t.right[size_t(node)];
                const float *v = t.outputs.data() + t.value[size_t(node)];
                for (int c = 0; c < m_outputs; ++c)
                    out[r * size_t(m_outputs) + size_t(c)] += v[c];
            }
        }
        for (double &v : out)
            v /= double(m_trees.size());
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << qint32(m_outputs) << quint32(m_trees.size());
        for (const Tree &t : m_trees)
            out << t.feature << t.left << t.right << t.threshold << t.value << t.outputs;
        return bytes;
    }

private:
    int m_outputs;
    std::vector<Tree> m_trees;
};

} // namespace

Params ExtraTrees::defaults(Task) const
{
    return {{QStringLiteral("n_estimators"), 300}, {QStringLiteral("max_features"), 0.5},
            {QStringLiteral("min_samples_leaf"), 2}, {QStringLiteral("max_depth"), 0}};
}

Space ExtraTrees::space(Task) const
{
    return {{QStringLiteral("n_estimators"), 100, 600, false, true},
            {QStringLiteral("max_features"), 0.1, 1.0},
            {QStringLiteral("min_samples_leaf"), 1, 20, true, true},
            {QStringLiteral("max_depth"), 4, 30, false, true}};
}

namespace {

constexpr size_t kMostLeaves = 32768;

int effectiveMinLeaf(int minLeaf, size_t rows)
{
    return qMax(minLeaf, int((rows + kMostLeaves - 1) / kMostLeaves));
}

} // namespace

size_t ExtraTrees::memoryBytes(size_t rows, size_t cols, const Params &given, int outputs) const
{
    Params p = defaults(Task::Classification);
    for (auto it = given.begin(); it != given.end(); ++it)
        p.insert(it.key(), it.value());
    const size_t trees = size_t(qMax(1, p.value(QStringLiteral("n_estimators")).toInt()));
    const size_t leaves = std::min(kMostLeaves, rows / size_t(effectiveMinLeaf(qMax(1, p.value(QStringLiteral("min_samples_leaf")).toInt()), rows)) + 1);
    return rows * sizeof(quint32) + rows * cols * sizeof(float) + trees * 2 * leaves * (5 * sizeof(qint32) + size_t(outputs) * sizeof(float));
}

Result<std::unique_ptr<Model>> ExtraTrees::fit(const FeatureMatrix &x, const Labels &y, const Params &given,
                                               const FitControl &control) const
{
    Params p = defaults(y.task);
    for (auto it = given.begin(); it != given.end(); ++it)
        p.insert(it.key(), it.value());
    const int trees = p.value(QStringLiteral("n_estimators")).toInt();
    const double share = p.value(QStringLiteral("max_features")).toDouble();
    const int minLeaf = p.value(QStringLiteral("min_samples_leaf")).toInt();
    const int maxDepth = p.value(QStringLiteral("max_depth")).toInt();
    if (trees < 1 || !(share > 0 && share <= 1) || minLeaf < 1 || maxDepth < 0)
        return Error{QStringLiteral("ExtremeRandomTrees: n_estimators >= 1, 0 < max_features <= 1, "
                                    "min_samples_leaf >= 1 and max_depth >= 0 (0: unlimited) are required")};
    if (x.rows == 0 || x.cols == 0)
        return Error{QStringLiteral("ExtremeRandomTrees: no rows or no features to learn from")};
    constexpr int kDeepest = 64; // "unlimited" depth, bounded so recursion stays shallow
    const int depthLimit = maxDepth == 0 ? kDeepest : qMin(maxDepth, kDeepest);
    const int tries = qMax(1, int(std::lround(share * double(x.cols))));
    std::vector<float> columns(x.values.size());
    for (size_t r = 0; r < x.rows; ++r)
        for (size_t f = 0; f < x.cols; ++f)
            columns[f * x.rows + r] = x.at(r, f);
    std::vector<Tree> forest(static_cast<size_t>(trees));
    std::atomic<int> next{0};
    auto work = [&] {
        for (int t = next++; t < trees && !control.shouldStop(t); t = next++) {
            forest[size_t(t)] = TreeGrower(x, columns, y, tries, effectiveMinLeaf(minLeaf, x.rows), depthLimit, control.seed * 1000003ULL + quint64(t)).grow();
        }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < qMin(control.threads, trees); ++i)
        threads.emplace_back(work);
    work();
    for (std::thread &t : threads)
        t.join();
    // Keep the trees grown (a stop leaves gaps in the order they were claimed).
    forest.erase(std::remove_if(forest.begin(), forest.end(), [](const Tree &t) { return t.feature.empty(); }),
                 forest.end());
    if (forest.empty())
        return Error{QStringLiteral("ExtremeRandomTrees: stopped before the first tree was grown")};
    if (control.report) {
        control.report->planned = trees;
        control.report->reached = int(forest.size());
        control.report->timeStopped = int(forest.size()) < trees && control.softDeadline.hasExpired();
    }
    return std::unique_ptr<Model>(new ForestModel(y.task == Task::Classification ? y.classes : 1, std::move(forest)));
}

Result<ExtraTrees::Stored> ExtraTrees::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0, count = 0;
    qint32 outputs = 0;
    in >> magic >> outputs >> count;
    if (magic != kMagic || outputs < 1 || count == 0 || count > 100000)
        return Error{QStringLiteral("ExtremeRandomTrees: the stored model is damaged")};
    std::vector<Tree> trees(count);
    for (Tree &t : trees)
        in >> t.feature >> t.left >> t.right >> t.threshold >> t.value >> t.outputs;
    // Children come after their parent and leaves point inside the outputs,
    // so prediction can neither loop nor read out of bounds.
    auto sound = [outputs](const Tree &t) {
        const size_t n = t.feature.size();
        if (n == 0 || t.left.size() != n || t.right.size() != n || t.threshold.size() != n || t.value.size() != n)
            return false;
        for (size_t i = 0; i < n; ++i) {
            if (t.feature[i] < 0 ? size_t(t.value[i]) + size_t(outputs) > t.outputs.size()
                                 : (t.left[i] <= qint32(i) || t.right[i] <= qint32(i) || size_t(t.left[i]) >= n
                                    || size_t(t.right[i]) >= n))
                return false;
        }
        return true;
    };
    if (in.status() != QDataStream::Ok || !std::all_of(trees.begin(), trees.end(), sound))
        return Error{QStringLiteral("ExtremeRandomTrees: the stored model is damaged")};
    return Stored{outputs, std::move(trees)};
}

Result<std::unique_ptr<Model>> ExtraTrees::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    return std::unique_ptr<Model>(new ForestModel(s->outputs, std::move(s->trees)));
}

} // namespace stratus::ml
