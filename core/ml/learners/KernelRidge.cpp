#include "ml/learners/KernelRidge.h"

#include <QDataStream>
#include "ml/learners/VectorStream.h"
#include <QIODevice>
#include <cmath>
#include <dlib/matrix.h>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x4B524731; // "KRG1"

double rbf(const float *a, const float *b, size_t d, double gamma)
{
    double s = 0;
    for (size_t f = 0; f < d; ++f)
        s += double(a[f] - b[f]) * double(a[f] - b[f]);
    return std::exp(-gamma * s);
}

class KernelRidgeModel : public Model {
public:
    KernelRidgeModel(FeatureMatrix train, std::vector<double> coefficients, double mean, double gamma)
        : m_x(std::move(train)), m_c(std::move(coefficients)), m_mean(mean), m_gamma(gamma)
    {
    }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        std::vector<double> out(x.rows, m_mean);
        for (size_t r = 0; r < x.rows; ++r)
            for (size_t t = 0; t < m_x.rows; ++t)
                out[r] += m_c[t] * rbf(x.values.data() + r * x.cols, m_x.values.data() + t * m_x.cols, m_x.cols, m_gamma);
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << quint64(m_x.rows) << quint64(m_x.cols) << m_x.values << m_c << m_mean << m_gamma;
        return bytes;
    }

private:
    FeatureMatrix m_x;
    std::vector<double> m_c;
    double m_mean, m_gamma;
};

} // namespace

Result<std::unique_ptr<Model>> KernelRidge::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                                const FitControl &control) const
{
    if (y.task != Task::Regression)
        return Error{QStringLiteral("KernelRidge is for regression")};
    const double alpha = params.value(QStringLiteral("alpha"), 1.0).toDouble();
    const double gammaScale = params.value(QStringLiteral("gamma_scale"), 1.0).toDouble();
    if (!(alpha > 0) || !(gammaScale > 0))
        return Error{QStringLiteral("KernelRidge: alpha and gamma_scale must be above 0")};
    if (x.rows == 0 || x.cols == 0)
        return Error{QStringLiteral("KernelRidge: no rows or no features to learn from")};
    if (x.rows > maxRows())
        return Error{QStringLiteral("KernelRidge: %1 training rows is more than the %2 it handles").arg(x.rows).arg(maxRows())};
    const long n = long(x.rows);
    const double gamma = gammaScale / double(x.cols);
    double mean = 0;
    for (float v : y.values)
        mean += v;
    mean /= double(n);
    dlib::matrix<double> k(n, n);
    dlib::matrix<double, 0, 1> target(n);
    for (long i = 0; i < n; ++i) {
        if (control.shouldStop())
            return Error{QStringLiteral("KernelRidge: stopped")};
        target(i) = y.values[size_t(i)] - mean;
        for (long j = 0; j <= i; ++j)
            k(i, j) = k(j, i) = rbf(x.values.data() + size_t(i) * x.cols, x.values.data() + size_t(j) * x.cols, x.cols, gamma);
        k(i, i) += alpha;
    }
    const dlib::cholesky_decomposition<dlib::matrix<double>> cholesky(k);
    const dlib::matrix<double, 0, 1> c = cholesky.solve(target);
    std::vector<double> coefficients(c.begin(), c.end());
    if (std::any_of(coefficients.begin(), coefficients.end(), [](double v) { return !std::isfinite(v); }))
        return Error{QStringLiteral("KernelRidge: the kernel system could not be solved (raise alpha)")};
    return std::unique_ptr<Model>(new KernelRidgeModel(x, std::move(coefficients), mean, gamma));
}

Result<KernelRidge::Stored> KernelRidge::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    quint64 rows = 0, cols = 0;
    Stored s;
    in >> magic >> rows >> cols >> s.rows.values >> s.coefficients >> s.mean >> s.gamma;
    s.rows.rows = rows;
    s.rows.cols = cols;
    if (in.status() != QDataStream::Ok || magic != kMagic || rows == 0 || s.rows.values.size() != rows * cols
        || s.coefficients.size() != rows)
        return Error{QStringLiteral("KernelRidge: the stored model is damaged")};
    return s;
}

Result<std::unique_ptr<Model>> KernelRidge::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    return std::unique_ptr<Model>(new KernelRidgeModel(std::move(s->rows), std::move(s->coefficients), s->mean, s->gamma));
}

} // namespace stratus::ml
