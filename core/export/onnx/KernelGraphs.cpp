#include "export/onnx/LearnerGraphs.h"

#include "ml/learners/KernelRidge.h"
#include "ml/learners/KernelSvm.h"
#include "ml/learners/Knn.h"

namespace stratus::onnx {

namespace {

// The squared distances [N, M] from each row of x [N, F] to each of the
// points [M, F] (a constant of x's type), summed in double. The difference is
// taken in x's type, as the learner does (float for KNN and KernelRidge,
// double for dlib's SVM). The [N, M, F] differences are held at once: memory
// grows with rows x points x features.
QString squaredDistances(Graph &g, const QString &x, const QString &points, bool differenceInFloat)
{
    QString difference = g.sub(g.unsqueeze(x, 1), points);
    if (differenceInFloat)
        difference = g.cast(difference, Double);
    return g.node("ReduceSumSquare", {difference}, QStringLiteral("distances"), {attrInts("axes", {2}), attrInt("keepdims", 0)});
}

} // namespace

// SVM: per class sum_i alpha_i exp(-gamma |x - v_i|^2) - b, then Platt.
Result<QString> kernelSvmGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto stored = ml::KernelSvm::parts(bytes);
    if (!stored)
        return stored.error();
    const QString xd = g.cast(x, Double);
    std::vector<CalibratedPart> parts;
    for (const ml::KernelSvm::Part &p : stored->parts) {
        CalibratedPart part{QString(), p.sigmoidA, p.sigmoidB};
        const QString constant = g.doubles({-p.b}, {1, 1});
        if (p.alpha.empty()) { // a part trained on one class: a constant
            const QString column = g.node("Slice", {xd, g.int64s({0}, {1}), g.int64s({1}, {1}), g.int64s({1}, {1})}, QStringLiteral("column"));
            part.score = g.node("Expand", {constant, g.node("Shape", {column}, QStringLiteral("shape"))}, QStringLiteral("constant"));
        } else {
            const auto m = int64_t(p.alpha.size());
            const QString d = squaredDistances(g, xd, g.doubles(p.vectors, {m, int64_t(stored->features)}), false);
            const QString kernel = g.node("Exp", {g.mul(d, g.scalar(-stored->gamma))}, QStringLiteral("kernel"));
            part.score = g.add(g.node("MatMul", {kernel, g.doubles(p.alpha, {m, 1})}, QStringLiteral("decision")), constant);
        }
        parts.push_back(part);
    }
    return calibratedProbabilities(g, parts, stored->classes);
}

// KernelRidge: the target mean plus sum_t c_t exp(-gamma |x - x_t|^2).
Result<QString> kernelRidgeGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::KernelRidge::read(bytes);
    if (!s)
        return s.error();
    const auto rows = int64_t(s->rows.rows);
    const QString d = squaredDistances(g, x, g.floats(s->rows.values, {rows, int64_t(s->rows.cols)}), true);
    const QString kernel = g.node("Exp", {g.mul(d, g.scalar(-s->gamma))}, QStringLiteral("kernel"));
    return g.add(g.node("MatMul", {kernel, g.doubles(s->coefficients, {rows, 1})}, QStringLiteral("weighted")), g.scalar(s->mean));
}

// KNN: the k nearest stored rows (ties to the earlier row, as Stratus sorts),
// weighted by 1 / (distance + 1e-6) or equally; classes get one pseudo-
// neighbour spread by the class shares.
Result<QString> knnGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::Knn::read(bytes);
    if (!s)
        return s.error();
    const auto rows = int64_t(s->rows.rows);
    const auto used = std::min<int64_t>(s->k, rows);
    const QString d = squaredDistances(g, x, g.floats(s->rows.values, {rows, int64_t(s->rows.cols)}), true);
    const QString nearest = g.name(QStringLiteral("nearest")), index = g.name(QStringLiteral("index"));
    g.nodeTo("TopK", {d, g.int64s({used}, {1})}, {nearest, index}, {attrInt("axis", 1), attrInt("largest", 0), attrInt("sorted", 1)});
    const QString w = s->weighted ? g.div(g.scalar(1.0), g.add(g.node("Sqrt", {nearest}, QStringLiteral("distance")), g.scalar(1e-6)))
                                  : g.node("Expand", {g.scalar(1.0), g.node("Shape", {nearest}, QStringLiteral("shape"))}, QStringLiteral("ones"));
    const std::vector<double> labels(s->labels.begin(), s->labels.end());
    const QString neighbours = g.node("Gather", {g.doubles(labels, {rows}), index}, QStringLiteral("labels")); // [N, k]
    const QString total = g.reduceSum(w, 1, true);
    if (s->classes == 0)
        return g.div(g.reduceSum(g.mul(w, neighbours), 1, true), total);
    // The class shares, summed as the model sums them.
    std::vector<double> classIds, prior(size_t(s->classes), 0.0);
    for (int c = 0; c < s->classes; ++c)
        classIds.push_back(c);
    for (float v : s->labels)
        prior[size_t(v)] += 1.0 / double(s->labels.size());
    const QString votes = g.cast(g.node("Equal", {g.unsqueeze(neighbours, 2), g.doubles(classIds, {s->classes})}, QStringLiteral("vote")), Double);
    const QString sums = g.reduceSum(g.mul(votes, g.unsqueeze(w, 2)), 1, false); // [N, C]
    const QString pseudo = s->weighted ? g.div(total, g.scalar(double(used))) : g.scalar(1.0);
    return g.div(g.add(sums, g.mul(pseudo, g.doubles(prior, {s->classes}))), g.add(total, pseudo));
}

} // namespace stratus::onnx
