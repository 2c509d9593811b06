#include "export/onnx/LearnerGraphs.h"

#include "ml/learners/ElasticNet.h"
#include "ml/learners/LinearSvm.h"
#include "ml/learners/LogisticRegression.h"
#include "ml/learners/Mlp.h"
#include "ml/learners/NaiveBayes.h"

namespace stratus::onnx {

namespace {

QString softmax(Graph &g, const QString &z) { return g.node("Softmax", {z}, QStringLiteral("softmax"), {attrInt("axis", 1)}); }

} // namespace

// LogisticRegression: per class the weights, then the bias; softmax in double.
Result<QString> logisticGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::LogisticRegression::read(bytes);
    if (!s)
        return s.error();
    std::vector<double> w, b;
    const size_t stride = s->features + 1;
    for (int c = 0; c < s->classes; ++c) {
        const double *row = s->weights.data() + size_t(c) * stride;
        w.insert(w.end(), row, row + s->features);
        b.push_back(row[s->features]);
    }
    return softmax(g, g.affine(g.cast(x, Double), w, b));
}

// ElasticNet: weights and an intercept.
Result<QString> elasticNetGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::ElasticNet::read(bytes);
    if (!s)
        return s.error();
    if (s->weights.empty())
        return Error{QStringLiteral("ElasticNet: the stored model has no weights")};
    return g.affine(g.cast(x, Double), s->weights, {s->intercept});
}

QString calibratedProbabilities(Graph &g, const std::vector<CalibratedPart> &parts, int classes)
{
    QStringList calibrated;
    for (const CalibratedPart &part : parts) // 1 / (1 + exp(a s + b)) = sigmoid(-a s - b)
        calibrated << g.node("Sigmoid", {g.add(g.mul(part.score, g.scalar(-part.a)), g.scalar(-part.b))}, QStringLiteral("calibrated"));
    if (classes == 2)
        return g.concat({g.sub(g.scalar(1.0), calibrated.first()), calibrated.first()}, 1);
    const QString all = g.concat(calibrated, 1);
    return g.div(all, g.reduceSum(all, 1, true));
}

// LinearSVM: per class (one for two classes) a hyperplane w.x - b and its sigmoid.
Result<QString> linearSvmGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::LinearSvm::read(bytes);
    if (!s)
        return s.error();
    const QString xd = g.cast(x, Double);
    std::vector<CalibratedPart> parts;
    for (const ml::LinearSvm::Part &p : s->parts)
        parts.push_back({g.affine(xd, p.w, {-p.b}), p.sigmoidA, p.sigmoidB});
    return calibratedProbabilities(g, parts, s->classes);
}

// BernoulliNaiveBayes: per class log P(class) plus, per feature, log P(on)
// where the feature is above the threshold and log P(off) where it is not;
// softmax in double.
Result<QString> naiveBayesGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::NaiveBayes::read(bytes);
    if (!s)
        return s.error();
    const std::vector<int64_t> dims{s->classes, int64_t(s->features)};
    const QString on = g.unsqueeze(g.node("Greater", {g.cast(x, Double), g.scalar(s->threshold)}, QStringLiteral("on")), 1); // [N,1,F]
    const QString logs = g.node("Where", {on, g.doubles(s->logOn, dims), g.doubles(s->logOff, dims)}, QStringLiteral("logs")); // [N,C,F]
    return softmax(g, g.add(g.reduceSum(logs, 2, false), g.doubles(s->logPrior, {s->classes})));
}

// MLP: one ReLU hidden layer, then softmax (classes) or the standardised value
// scaled back (regression).
Result<QString> mlpGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    auto s = ml::Mlp::read(bytes);
    if (!s)
        return s.error();
    // Each unit's (and output's) row holds its weights then its bias.
    auto split = [&s](size_t from, qint32 rows, qint32 width, std::vector<double> &weights, std::vector<double> &bias) {
        for (qint32 r = 0; r < rows; ++r) {
            const double *row = s->weights.data() + from + size_t(r) * size_t(width + 1);
            weights.insert(weights.end(), row, row + width);
            bias.push_back(row[width]);
        }
    };
    std::vector<double> w1, b1, w2, b2;
    split(0, s->units, s->inputs, w1, b1);
    split(size_t(s->inputs + 1) * size_t(s->units), s->outputs, s->units, w2, b2);
    const QString hidden = g.node("Relu", {g.affine(g.cast(x, Double), w1, b1)}, QStringLiteral("hidden"));
    const QString out = g.affine(hidden, w2, b2);
    if (!s->regression)
        return softmax(g, out);
    return g.add(g.mul(out, g.scalar(s->targetScale)), g.scalar(s->targetMean));
}

} // namespace stratus::onnx
