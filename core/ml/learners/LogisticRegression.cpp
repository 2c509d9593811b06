#include "ml/learners/LogisticRegression.h"

#include <QDataStream>
#include <QIODevice>
#include <cmath>
#include <dlib/optimization.h>

namespace stratus::ml {

namespace {

using Vector = dlib::matrix<double, 0, 1>;

struct Stopped {};

class LogisticModel : public Model {
public:
    LogisticModel(size_t features, int classes, std::vector<double> weights)
        : m_features(features), m_classes(classes), m_weights(std::move(weights))
    {
    }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        std::vector<double> out(x.rows * size_t(m_classes));
        std::vector<double> z(static_cast<size_t>(m_classes));
        for (size_t r = 0; r < x.rows; ++r) {
            scores(x.values.data() + r * x.cols, z.data());
            std::copy(z.begin(), z.end(), out.begin() + long(r * size_t(m_classes)));
        }
        return out;
    }

    // Softmax probabilities of one row into p.
    void scores(const float *row, double *p) const
    {
        const size_t stride = m_features + 1;
        double top = -INFINITY;
        for (int c = 0; c < m_classes; ++c) {
            const double *w = m_weights.data() + size_t(c) * stride;
            double s = w[m_features];
            for (size_t f = 0; f < m_features; ++f)
                s += w[f] * row[f];
            p[c] = s;
            top = std::max(top, s);
        }
        double sum = 0;
        for (int c = 0; c < m_classes; ++c) {
            p[c] = std::exp(p[c] - top);
            sum += p[c];
        }
        for (int c = 0; c < m_classes; ++c)
            p[c] /= sum;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << quint32(m_features) << qint32(m_classes) << quint32(m_weights.size());
        for (double w : m_weights)
            out << w;
        return bytes;
    }

private:
    size_t m_features;
    int m_classes;
    std::vector<double> m_weights; // per class: features weights, then the bias
};

} // namespace

Result<std::unique_ptr<Model>> LogisticRegression::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                                       const FitControl &control) const
{
    if (y.task != Task::Classification)
        return Error{QStringLiteral("LogisticRegression is for classification")};
    const double c = params.value(QStringLiteral("C"), 1.0).toDouble();
    const int maxIter = params.value(QStringLiteral("max_iter"), 200).toInt();
    const double l1 = params.value(QStringLiteral("l1_ratio"), 0.0).toDouble();
    if (!(c > 0))
        return Error{QStringLiteral("LogisticRegression: C must be above 0")};
    if (!(l1 >= 0 && l1 <= 1))
        return Error{QStringLiteral("LogisticRegression: l1_ratio must be between 0 and 1")};
    const size_t n = x.rows, features = x.cols, k = size_t(y.classes), stride = features + 1;
    auto unpack = [&](const Vector &v) {
        std::vector<double> w(size_t(v.size()));
        for (long i = 0; i < v.size(); ++i)
            w[size_t(i)] = v(i);
        return w;
    };
    // The mean log loss plus ((1 - l1) ||W||^2 / 2 + l1 |W|) / (C n): scikit-learn's objective over n.
    auto objective = [&](const Vector &v, Vector *gradient) {
        if (control.shouldStop())
            throw Stopped{};
        LogisticModel model(features, y.classes, unpack(v));
        std::vector<double> p(k);
        double loss = 0;
        if (gradient)
            *gradient = dlib::zeros_matrix<double>(v.size(), 1);
        for (size_t r = 0; r < n; ++r) {
            const float *row = x.values.data() + r * x.cols;
            model.scores(row, p.data());
            const size_t label = size_t(y.values[r]);
            loss -= std::log(std::max(p[label], 1e-300));
            if (gradient) {
                for (size_t cl = 0; cl < k; ++cl) {
                    const double g = p[cl] - (cl == label ? 1.0 : 0.0);
                    double *out = &(*gradient)(long(cl * stride));
                    for (size_t f = 0; f < features; ++f)
                        out[f] += g * row[f];
                    out[features] += g;
                }
            }
        }
        constexpr double kSmooth = 1e-8;
        double penalty = 0;
        for (size_t cl = 0; cl < k; ++cl) {
            for (size_t f = 0; f < features; ++f) {
                const long i = long(cl * stride + f);
                const double absolute = std::sqrt(v(i) * v(i) + kSmooth);
                penalty += (1 - l1) * v(i) * v(i) / 2 + l1 * absolute;
                if (gradient)
                    (*gradient)(i) += ((1 - l1) * v(i) + l1 * v(i) / absolute) / c;
            }
        }
        if (gradient)
            *gradient /= double(n);
        return (loss + penalty / c) / double(n);
    };
    Vector w = dlib::zeros_matrix<double>(long(k * stride), 1);
    try {
        dlib::find_min(
            dlib::lbfgs_search_strategy(10), dlib::objective_delta_stop_strategy(1e-9, unsigned(maxIter)),
            [&](const Vector &v) { return objective(v, nullptr); },
            [&](const Vector &v) {
                Vector g;
                objective(v, &g);
                return g;
            },
            w, -1);
    } catch (const Stopped &) {
        // Out of time or canceled: keep the weights reached so far.
    }
    return std::unique_ptr<Model>(new LogisticModel(features, y.classes, unpack(w)));
}

Result<LogisticRegression::Stored> LogisticRegression::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 features = 0, count = 0;
    qint32 classes = 0;
    in >> features >> classes >> count;
    if (in.status() != QDataStream::Ok || classes < 2 || count != quint32(classes) * (features + 1))
        return Error{QStringLiteral("LogisticRegression: the stored model is damaged")};
    std::vector<double> weights(count);
    for (double &w : weights)
        in >> w;
    if (in.status() != QDataStream::Ok)
        return Error{QStringLiteral("LogisticRegression: the stored model is damaged")};
    return Stored{features, classes, std::move(weights)};
}

Result<std::unique_ptr<Model>> LogisticRegression::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    return std::unique_ptr<Model>(new LogisticModel(s->features, s->classes, std::move(s->weights)));
}

} // namespace stratus::ml
