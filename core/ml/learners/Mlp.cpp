#include "ml/learners/Mlp.h"

#include <QDataStream>
#include "ml/learners/VectorStream.h"
#include <QIODevice>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x4D4C5031; // "MLP1"

// Weights of both layers in one vector: hidden (inputs + 1) x units, then
// outputs (units + 1) x outputs; the +1 is the bias.
struct Network {
    qint32 inputs = 0, units = 0, outputs = 0;
    bool regression = false;
    double targetMean = 0, targetScale = 1;
    std::vector<double> w;

    size_t hiddenSize() const { return size_t(inputs + 1) * size_t(units); }
    double *hidden(size_t unit) { return w.data() + unit * size_t(inputs + 1); }
    const double *hidden(size_t unit) const { return w.data() + unit * size_t(inputs + 1); }
    const double *output(size_t o) const { return w.data() + hiddenSize() + o * size_t(units + 1); }

    // Hidden activations h and outputs (probabilities, or the standardised value) of one row.
    void forward(const float *row, double *h, double *out) const
    {
        for (qint32 u = 0; u < units; ++u) {
            const double *wu = hidden(size_t(u));
            double s = wu[inputs];
            for (qint32 i = 0; i < inputs; ++i)
                s += wu[i] * row[i];
            h[u] = s > 0 ? s : 0;
        }
        double top = -INFINITY;
        for (qint32 o = 0; o < outputs; ++o) {
            const double *wo = output(size_t(o));
            double s = wo[units];
            for (qint32 u = 0; u < units; ++u)
                s += wo[u] * h[u];
            out[o] = s;
            top = std::max(top, s);
        }
        if (regression)
            return;
        double sum = 0;
        for (qint32 o = 0; o < outputs; ++o)
            sum += (out[o] = std::exp(out[o] - top));
        for (qint32 o = 0; o < outputs; ++o)
            out[o] /= sum;
    }
};

class MlpModel : public Model {
public:
    explicit MlpModel(Network net) : m_net(std::move(net)) {}

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        const size_t k = size_t(m_net.outputs);
        std::vector<double> out(x.rows * k), h(size_t(m_net.units));
        for (size_t r = 0; r < x.rows; ++r) {
            m_net.forward(x.values.data() + r * x.cols, h.data(), out.data() + r * k);
            if (m_net.regression)
                out[r] = out[r] * m_net.targetScale + m_net.targetMean;
        }
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << m_net.inputs << m_net.units << m_net.outputs << m_net.regression << m_net.targetMean
            << m_net.targetScale << m_net.w;
        return bytes;
    }

private:
    Network m_net;
};

} // namespace

Params Mlp::defaults(Task) const
{
    return {{QStringLiteral("hidden_units"), 16}, {QStringLiteral("alpha"), 0.1},
            {QStringLiteral("learning_rate"), 3e-3}, {QStringLiteral("epochs"), 60}};
}

Space Mlp::space(Task) const
{
    return {{QStringLiteral("hidden_units"), 8, 128, true, true},
            {QStringLiteral("alpha"), 1e-6, 1.0, true},
            {QStringLiteral("learning_rate"), 1e-4, 3e-2, true},
            {QStringLiteral("epochs"), 20, 300, true, true}};
}

Result<std::unique_ptr<Model>> Mlp::fit(const FeatureMatrix &x, const Labels &y, const Params &given,
                                        const FitControl &control) const
{
    Params p = defaults(y.task);
    for (auto it = given.begin(); it != given.end(); ++it)
        p.insert(it.key(), it.value());
    const int units = p.value(QStringLiteral("hidden_units")).toInt();
    const double alpha = p.value(QStringLiteral("alpha")).toDouble();
    const double rate = p.value(QStringLiteral("learning_rate")).toDouble();
    const int epochs = p.value(QStringLiteral("epochs")).toInt();
    if (units < 1 || !(alpha >= 0) || !(rate > 0) || epochs < 1)
        return Error{QStringLiteral("MLP: hidden_units >= 1, alpha >= 0, learning_rate > 0 and epochs >= 1 are required")};
    if (x.rows == 0 || x.cols == 0)
        return Error{QStringLiteral("MLP: no rows or no features to learn from")};
    Network net;
    net.inputs = qint32(x.cols);
    net.units = units;
    net.regression = y.task == Task::Regression;
    net.outputs = net.regression ? 1 : y.classes;
    if (net.regression) {
        double sum = 0, squares = 0;
        for (float v : y.values) {
            sum += v;
            squares += double(v) * v;
        }
        net.targetMean = sum / double(x.rows);
        net.targetScale = std::sqrt(std::max(squares / double(x.rows) - net.targetMean * net.targetMean, 1e-12));
    }
    std::mt19937_64 rng(control.seed);
    net.w.resize(net.hiddenSize() + size_t(net.outputs) * size_t(units + 1));
    {
        const double hiddenBound = std::sqrt(6.0 / double(net.inputs)), outputBound = std::sqrt(6.0 / double(units + net.outputs));
        for (size_t i = 0; i < net.w.size(); ++i) {
            const double bound = i < net.hiddenSize() ? hiddenBound : outputBound;
            net.w[i] = std::uniform_real_distribution<double>(-bound, bound)(rng);
        }
    }
    // Adam over mini-batches of 32 rows (fewer for tiny data).
    const size_t batch = std::min<size_t>(32, x.rows);
    std::vector<double> m(net.w.size(), 0.0), v(net.w.size(), 0.0), grad(net.w.size());
    std::vector<double> h(static_cast<size_t>(units)), out(static_cast<size_t>(net.outputs)), dh(static_cast<size_t>(units));
    std::vector<size_t> order(x.rows);
    std::iota(order.begin(), order.end(), 0);
    const double beta1 = 0.9, beta2 = 0.999;
    long step = 0;
    for (int epoch = 0; epoch < epochs && !control.shouldStop(epoch); ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t start = 0; start < x.rows; start += batch) {
            const size_t end = std::min(start + batch, x.rows);
            std::fill(grad.begin(), grad.end(), 0.0);
            for (size_t i = start; i < end; ++i) {
                const size_t r = order[i];
                const float *row = x.values.data() + r * x.cols;
                net.forward(row, h.data(), out.data());
                std::fill(dh.begin(), dh.end(), 0.0);
                for (qint32 o = 0; o < net.outputs; ++o) {
                    // Softmax + cross-entropy and identity + squared error share this gradient.
                    const double target = net.regression ? (y.values[r] - net.targetMean) / net.targetScale
                                                         : (int(y.values[r]) == o ? 1.0 : 0.0);
                    const double d = out[size_t(o)] - target;
                    double *g = grad.data() + net.hiddenSize() + size_t(o) * size_t(units + 1);
                    const double *wo = net.output(size_t(o));
                    for (qint32 u = 0; u < units; ++u) {
                        g[u] += d * h[size_t(u)];
                        dh[size_t(u)] += d * wo[u];
                    }
                    g[units] += d;
                }
                for (qint32 u = 0; u < units; ++u) {
                    if (h[size_t(u)] <= 0)
                        continue;
                    double *g = grad.data() + size_t(u) * size_t(net.inputs + 1);
                    for (qint32 f = 0; f < net.inputs; ++f)
                        g[f] += dh[size_t(u)] * row[f];
                    g[net.inputs] += dh[size_t(u)];
                }
            }
            ++step;
            const double n = double(end - start);
            const double correction1 = 1 - std::pow(beta1, double(step)), correction2 = 1 - std::pow(beta2, double(step));
            for (size_t i = 0; i < net.w.size(); ++i) {
                // The L2 penalty alpha / 2 * ||W||^2, spread over the rows of the data set.
                const double g = grad[i] / n + alpha * net.w[i] / double(x.rows);
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                net.w[i] -= rate * (m[i] / correction1) / (std::sqrt(v[i] / correction2) + 1e-8);
            }
        }
    }
    return std::unique_ptr<Model>(new MlpModel(std::move(net)));
}

Result<Mlp::Stored> Mlp::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    Stored s;
    in >> magic >> s.inputs >> s.units >> s.outputs >> s.regression >> s.targetMean >> s.targetScale >> s.weights;
    if (in.status() != QDataStream::Ok || magic != kMagic || s.inputs < 1 || s.units < 1 || s.outputs < 1
        || s.weights.size() != size_t(s.inputs + 1) * size_t(s.units) + size_t(s.outputs) * size_t(s.units + 1))
        return Error{QStringLiteral("MLP: the stored model is damaged")};
    return s;
}

Result<std::unique_ptr<Model>> Mlp::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    Network net;
    net.inputs = s->inputs;
    net.units = s->units;
    net.outputs = s->outputs;
    net.regression = s->regression;
    net.targetMean = s->targetMean;
    net.targetScale = s->targetScale;
    net.w = std::move(s->weights);
    return std::unique_ptr<Model>(new MlpModel(std::move(net)));
}

} // namespace stratus::ml
