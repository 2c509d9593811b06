#include "LearnerGraphs.h"

#include "VectorStream.h"

#include <QDataStream>

namespace stratus::onnx {

using ml::operator>>; // vectors as the learners wrote them

namespace {

QString softmax(Graph &g, const QString &z) { return g.node("Softmax", {z}, QStringLiteral("softmax"), {attrInt("axis", 1)}); }

Error damaged(const char *learner) { return Error{QStringLiteral("%1: the stored model is damaged").arg(QLatin1String(learner))}; }

} // namespace

// LogisticRegression: per class the weights, then the bias; softmax in double.
Result<QString> logisticGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    QDataStream in(bytes);
    quint32 features = 0, count = 0;
    qint32 classes = 0;
    in >> features >> classes >> count;
    if (classes < 2 || count != (features + 1) * quint32(classes))
        return damaged("LogisticRegression");
    std::vector<double> w, b;
    for (qint32 c = 0; c < classes; ++c) {
        for (quint32 f = 0; f <= features; ++f) {
            double v = 0;
            in >> v;
            (f < features ? w : b).push_back(v);
        }
    }
    if (in.status() != QDataStream::Ok)
        return damaged("LogisticRegression");
    return softmax(g, g.affine(g.cast(x, Double), w, b));
}

// ElasticNet: weights and an intercept.
Result<QString> elasticNetGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    std::vector<double> w;
    double b = 0;
    in >> magic >> w >> b;
    if (in.status() != QDataStream::Ok || magic != 0x454E5431 || w.empty())
        return damaged("ElasticNet");
    return g.affine(g.cast(x, Double), w, {b});
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
    QDataStream in(bytes);
    quint32 magic = 0, count = 0;
    qint32 classes = 0;
    in >> magic >> classes >> count;
    if (magic != 0x4C535631 || classes < 2 || count != quint32(classes == 2 ? 1 : classes))
        return damaged("LinearSVM");
    const QString xd = g.cast(x, Double);
    std::vector<CalibratedPart> parts(count);
    for (CalibratedPart &part : parts) {
        std::vector<double> w;
        double b = 0;
        in >> w >> b >> part.a >> part.b;
        if (in.status() != QDataStream::Ok || w.empty())
            return damaged("LinearSVM");
        part.score = g.affine(xd, w, {-b});
    }
    return calibratedProbabilities(g, parts, classes);
}

// BernoulliNaiveBayes: per class log P(class) plus, per feature, log P(on)
// where the feature is above the threshold and log P(off) where it is not;
// softmax in double.
Result<QString> naiveBayesGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    qint32 classes = 0;
    quint64 features = 0;
    double threshold = 0;
    std::vector<double> logPrior, logOn, logOff;
    in >> magic >> classes >> features >> threshold >> logPrior >> logOn >> logOff;
    if (in.status() != QDataStream::Ok || magic != 0x424E4231 || classes < 2 || features == 0 || logPrior.size() != size_t(classes)
        || logOn.size() != size_t(classes) * features || logOff.size() != logOn.size())
        return damaged("BernoulliNaiveBayes");
    const std::vector<int64_t> dims{classes, int64_t(features)};
    const QString on = g.unsqueeze(g.node("Greater", {g.cast(x, Double), g.scalar(threshold)}, QStringLiteral("on")), 1); // [N,1,F]
    const QString logs = g.node("Where", {on, g.doubles(logOn, dims), g.doubles(logOff, dims)}, QStringLiteral("logs")); // [N,C,F]
    return softmax(g, g.add(g.reduceSum(logs, 2, false), g.doubles(logPrior, {classes})));
}

// MLP: one ReLU hidden layer, then softmax (classes) or the standardised value
// scaled back (regression).
Result<QString> mlpGraph(Graph &g, const QByteArray &bytes, const QString &x)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    qint32 inputs = 0, units = 0, outputs = 0;
    bool regression = false;
    double targetMean = 0, targetScale = 1;
    std::vector<double> w;
    in >> magic >> inputs >> units >> outputs >> regression >> targetMean >> targetScale >> w;
    if (in.status() != QDataStream::Ok || magic != 0x4D4C5031 || inputs < 1 || units < 1 || outputs < 1
        || w.size() != size_t(inputs + 1) * size_t(units) + size_t(outputs) * size_t(units + 1))
        return damaged("MLP");
    // Each unit's (and output's) row holds its weights then its bias.
    auto split = [&w](size_t from, qint32 rows, qint32 width, std::vector<double> &weights, std::vector<double> &bias) {
        for (qint32 r = 0; r < rows; ++r) {
            const double *row = w.data() + from + size_t(r) * size_t(width + 1);
            weights.insert(weights.end(), row, row + width);
            bias.push_back(row[width]);
        }
    };
    std::vector<double> w1, b1, w2, b2;
    split(0, units, inputs, w1, b1);
    split(size_t(inputs + 1) * size_t(units), outputs, units, w2, b2);
    const QString hidden = g.node("Relu", {g.affine(g.cast(x, Double), w1, b1)}, QStringLiteral("hidden"));
    const QString out = g.affine(hidden, w2, b2);
    if (!regression)
        return softmax(g, out);
    return g.add(g.mul(out, g.scalar(targetScale)), g.scalar(targetMean));
}

} // namespace stratus::onnx
