#include "LearnerGraphs.h"

#include "KernelSvm.h"
#include "VectorStream.h"

#include <QDataStream>

namespace stratus::onnx {

using ml::operator>>; // vectors as the learners wrote them

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

// Stored rows (float, as FeatureMatrix holds them) and what belongs to each.
struct Stored {
    quint64 rows = 0, cols = 0;
    std::vector<float> values;
};

Error damaged(const char *learner) { return Error{QStringLiteral("%1: the stored model is damaged").arg(QLatin1String(learner))}; }

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
    QDataStream in(bytes);
    quint32 magic = 0;
    Stored t;
    std::vector<double> c;
    double mean = 0, gamma = 0;
    in >> magic >> t.rows >> t.cols >> t.values >> c >> mean >> gamma;
    if (in.status() != QDataStream::Ok || magic != 0x4B524731 || t.rows == 0 || t.values.size() != t.rows * t.cols || c.size() != t.rows)
        return damaged("KernelRidge");
    const QString d = squaredDistances(g, x, g.floats(t.values, {int64_t(t.rows), int64_t(t.cols)}), true);
    const QString kernel = g.node("Exp", {g.mul(d, g.scalar(-gamma))}, QStringLiteral("kernel"));
    return g.add(g.node("MatMul", {kernel, g.doubles(c, {int64_t(t.rows), 1})}, QStringLiteral("weighted")), g.scalar(mean));
}

// KNN: the k nearest stored rows (ties to the earlier row, as Stratus sorts),
// weighted by 1 / (distance + 1e-6) or equally; classes get one pseudo-
// neighbour spread by the class shares.
Result<QString> knnGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    qint32 classes = 0, k = 0;
    bool weighted = false;
    Stored t;
    std::vector<float> y;
    in >> magic >> classes >> k >> weighted >> t.rows >> t.cols >> t.values >> y;
    if (in.status() != QDataStream::Ok || magic != 0x4B4E4E31 || k < 1 || classes < 0 || t.rows == 0 || y.size() != t.rows
        || t.values.size() != t.rows * t.cols)
        return damaged("KNN");
    const auto used = int64_t(std::min<quint64>(quint64(k), t.rows));
    const QString d = squaredDistances(g, x, g.floats(t.values, {int64_t(t.rows), int64_t(t.cols)}), true);
    const QString nearest = g.name(QStringLiteral("nearest")), index = g.name(QStringLiteral("index"));
    g.nodeTo("TopK", {d, g.int64s({used}, {1})}, {nearest, index}, {attrInt("axis", 1), attrInt("largest", 0), attrInt("sorted", 1)});
    const QString w = weighted ? g.div(g.scalar(1.0), g.add(g.node("Sqrt", {nearest}, QStringLiteral("distance")), g.scalar(1e-6)))
                               : g.node("Expand", {g.scalar(1.0), g.node("Shape", {nearest}, QStringLiteral("shape"))}, QStringLiteral("ones"));
    const std::vector<double> labels(y.begin(), y.end());
    const QString neighbours = g.node("Gather", {g.doubles(labels, {int64_t(t.rows)}), index}, QStringLiteral("labels")); // [N, k]
    const QString total = g.reduceSum(w, 1, true);
    if (classes == 0)
        return g.div(g.reduceSum(g.mul(w, neighbours), 1, true), total);
    std::vector<double> classIds, prior(size_t(classes), 0.0);
    for (qint32 c = 0; c < classes; ++c)
        classIds.push_back(c);
    for (float v : y) {
        if (!(v >= 0 && v < float(classes)))
            return damaged("KNN");
        prior[size_t(v)] += 1.0 / double(y.size());
    }
    const QString votes = g.cast(g.node("Equal", {g.unsqueeze(neighbours, 2), g.doubles(classIds, {classes})}, QStringLiteral("vote")), Double);
    const QString sums = g.reduceSum(g.mul(votes, g.unsqueeze(w, 2)), 1, false); // [N, C]
    const QString pseudo = weighted ? g.div(total, g.scalar(double(used))) : g.scalar(1.0);
    return g.div(g.add(sums, g.mul(pseudo, g.doubles(prior, {classes}))), g.add(total, pseudo));
}

} // namespace stratus::onnx
