#include "ml/learners/NaiveBayes.h"

#include <QDataStream>
#include "ml/learners/VectorStream.h"
#include <QIODevice>
#include <cmath>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x424E4231; // "BNB1"

class BernoulliModel : public Model {
public:
    BernoulliModel(int classes, size_t features, double threshold, std::vector<double> logPrior,
                   std::vector<double> logOn, std::vector<double> logOff)
        : m_classes(classes), m_features(features), m_threshold(threshold), m_logPrior(std::move(logPrior)),
          m_logOn(std::move(logOn)), m_logOff(std::move(logOff))
    {
    }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        const size_t k = size_t(m_classes);
        std::vector<double> out(x.rows * k);
        for (size_t r = 0; r < x.rows; ++r) {
            double *o = out.data() + r * k;
            double top = -INFINITY;
            for (size_t c = 0; c < k; ++c) {
                double s = m_logPrior[c];
                for (size_t f = 0; f < m_features; ++f)
                    s += x.at(r, f) > m_threshold ? m_logOn[c * m_features + f] : m_logOff[c * m_features + f];
                o[c] = s;
                top = std::max(top, s);
            }
            double sum = 0;
            for (size_t c = 0; c < k; ++c)
                sum += (o[c] = std::exp(o[c] - top));
            for (size_t c = 0; c < k; ++c)
                o[c] /= sum;
        }
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << qint32(m_classes) << quint64(m_features) << m_threshold << m_logPrior << m_logOn << m_logOff;
        return bytes;
    }

private:
    int m_classes;
    size_t m_features;
    double m_threshold;
    std::vector<double> m_logPrior, m_logOn, m_logOff; // log P(class); per class x feature: log P(on), log P(off)
};

} // namespace

Params NaiveBayes::defaults(Task) const
{
    return {{QStringLiteral("alpha"), 1.0}, {QStringLiteral("binarize"), 0.0}};
}

Space NaiveBayes::space(Task) const
{
    return {{QStringLiteral("alpha"), 0.01, 10, true}, {QStringLiteral("binarize"), -1, 1}};
}

Result<std::unique_ptr<Model>> NaiveBayes::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                               const FitControl &) const
{
    if (y.task != Task::Classification)
        return Error{QStringLiteral("BernoulliNaiveBayes is for classification")};
    const double alpha = params.value(QStringLiteral("alpha"), 1.0).toDouble();
    const double threshold = params.value(QStringLiteral("binarize"), 0.0).toDouble();
    if (!(alpha > 0))
        return Error{QStringLiteral("BernoulliNaiveBayes: alpha must be above 0")};
    if (x.rows == 0)
        return Error{QStringLiteral("BernoulliNaiveBayes: no training rows")};
    const size_t k = size_t(y.classes), d = x.cols;
    std::vector<double> count(k, 0.0), on(k * d, 0.0);
    for (size_t r = 0; r < x.rows; ++r) {
        const size_t c = size_t(y.values[r]);
        count[c] += 1;
        for (size_t f = 0; f < d; ++f)
            on[c * d + f] += x.at(r, f) > threshold ? 1 : 0;
    }
    std::vector<double> logPrior(k), logOn(k * d), logOff(k * d);
    for (size_t c = 0; c < k; ++c) {
        logPrior[c] = std::log((count[c] + alpha) / (double(x.rows) + alpha * double(k)));
        for (size_t f = 0; f < d; ++f) {
            const double p = (on[c * d + f] + alpha) / (count[c] + 2 * alpha);
            logOn[c * d + f] = std::log(p);
            logOff[c * d + f] = std::log1p(-p);
        }
    }
    return std::unique_ptr<Model>(new BernoulliModel(y.classes, d, threshold, std::move(logPrior), std::move(logOn),
                                                     std::move(logOff)));
}

Result<NaiveBayes::Stored> NaiveBayes::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    qint32 classes = 0;
    quint64 features = 0;
    Stored s;
    in >> magic >> classes >> features >> s.threshold >> s.logPrior >> s.logOn >> s.logOff;
    if (in.status() != QDataStream::Ok || magic != kMagic || classes < 2 || features == 0 || s.logPrior.size() != size_t(classes)
        || s.logOn.size() != size_t(classes) * features || s.logOff.size() != s.logOn.size())
        return Error{QStringLiteral("BernoulliNaiveBayes: the stored model is damaged")};
    s.classes = classes;
    s.features = size_t(features);
    return s;
}

Result<std::unique_ptr<Model>> NaiveBayes::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    return std::unique_ptr<Model>(new BernoulliModel(s->classes, s->features, s->threshold, std::move(s->logPrior),
                                                     std::move(s->logOn), std::move(s->logOff)));
}

} // namespace stratus::ml
