#include "ml/learners/ElasticNet.h"

#include <QDataStream>
#include "ml/learners/VectorStream.h"
#include <QIODevice>
#include <cmath>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x454E5431; // "ENT1"

class LinearModel : public Model {
public:
    LinearModel(std::vector<double> w, double b) : m_w(std::move(w)), m_b(b) {}

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        std::vector<double> out(x.rows, m_b);
        for (size_t r = 0; r < x.rows; ++r)
            for (size_t f = 0; f < m_w.size(); ++f)
                out[r] += m_w[f] * x.at(r, f);
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << m_w << m_b;
        return bytes;
    }

private:
    std::vector<double> m_w;
    double m_b;
};

} // namespace

Result<std::unique_ptr<Model>> ElasticNet::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                               const FitControl &control) const
{
    if (y.task != Task::Regression)
        return Error{QStringLiteral("ElasticNet is for regression")};
    const double alpha = params.value(QStringLiteral("alpha"), 0.01).toDouble();
    const double l1 = params.value(QStringLiteral("l1_ratio"), 0.5).toDouble();
    const int maxIter = params.value(QStringLiteral("max_iter"), 1000).toInt();
    if (!(alpha >= 0) || !(l1 >= 0 && l1 <= 1))
        return Error{QStringLiteral("ElasticNet: alpha >= 0 and 0 <= l1_ratio <= 1 are required")};
    if (x.rows == 0)
        return Error{QStringLiteral("ElasticNet: no training rows")};
    const size_t n = x.rows, d = x.cols;
    // Centre the features and the target; the intercept comes back at the end.
    std::vector<double> mean(d, 0.0), norm(d, 0.0), w(d, 0.0), residual(n);
    double yMean = 0;
    for (size_t r = 0; r < n; ++r) {
        yMean += y.values[r];
        for (size_t f = 0; f < d; ++f)
            mean[f] += x.at(r, f);
    }
    yMean /= double(n);
    for (double &m : mean)
        m /= double(n);
    for (size_t r = 0; r < n; ++r) {
        residual[r] = y.values[r] - yMean;
        for (size_t f = 0; f < d; ++f)
            norm[f] += (x.at(r, f) - mean[f]) * (x.at(r, f) - mean[f]) / double(n);
    }
    for (int iteration = 0; iteration < maxIter && !control.shouldStop(); ++iteration) {
        double largest = 0, largestWeight = 0;
        for (size_t f = 0; f < d; ++f) {
            if (norm[f] <= 0)
                continue;
            double rho = 0;
            for (size_t r = 0; r < n; ++r)
                rho += (x.at(r, f) - mean[f]) * residual[r];
            rho = rho / double(n) + norm[f] * w[f];
            const double shrunk = std::copysign(std::max(std::abs(rho) - alpha * l1, 0.0), rho);
            const double updated = shrunk / (norm[f] + alpha * (1 - l1));
            const double delta = updated - w[f];
            if (delta != 0) {
                for (size_t r = 0; r < n; ++r)
                    residual[r] -= delta * (x.at(r, f) - mean[f]);
                w[f] = updated;
            }
            largest = std::max(largest, std::abs(delta));
            largestWeight = std::max(largestWeight, std::abs(updated));
        }
        if (largest <= 1e-6 * std::max(largestWeight, 1e-12))
            break;
    }
    double b = yMean;
    for (size_t f = 0; f < d; ++f)
        b -= w[f] * mean[f];
    return std::unique_ptr<Model>(new LinearModel(std::move(w), b));
}

Result<ElasticNet::Stored> ElasticNet::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    Stored s;
    in >> magic >> s.weights >> s.intercept;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return Error{QStringLiteral("ElasticNet: the stored model is damaged")};
    return s;
}

Result<std::unique_ptr<Model>> ElasticNet::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    return std::unique_ptr<Model>(new LinearModel(std::move(s->weights), s->intercept));
}

} // namespace stratus::ml
