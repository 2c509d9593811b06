#include "ml/learners/Knn.h"

#include <QDataStream>
#include "ml/learners/VectorStream.h"
#include <QIODevice>
#include <algorithm>
#include <cmath>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x4B4E4E31; // "KNN1"

class KnnModel : public Model {
public:
    KnnModel(FeatureMatrix train, std::vector<float> labels, int classes, int k, bool weighted)
        : m_x(std::move(train)), m_y(std::move(labels)), m_classes(classes), m_k(k), m_weighted(weighted)
    {
        if (m_classes > 0) {
            m_prior.assign(size_t(m_classes), 0.0);
            for (float v : m_y)
                m_prior[size_t(v)] += 1.0 / double(m_y.size());
        }
    }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        const size_t outputs = m_classes > 0 ? size_t(m_classes) : 1;
        const size_t k = std::min(size_t(m_k), m_x.rows);
        std::vector<double> out(x.rows * outputs, 0.0);
        std::vector<std::pair<double, size_t>> distances(m_x.rows);
        for (size_t r = 0; r < x.rows; ++r) {
            const float *q = x.values.data() + r * x.cols;
            for (size_t t = 0; t < m_x.rows; ++t) {
                const float *p = m_x.values.data() + t * m_x.cols;
                double d = 0;
                for (size_t f = 0; f < m_x.cols; ++f)
                    d += double(q[f] - p[f]) * double(q[f] - p[f]);
                distances[t] = {d, t};
            }
            // Ties broken by training row, so the result does not depend on the sort.
            std::partial_sort(distances.begin(), distances.begin() + long(k), distances.end());
            double *o = out.data() + r * outputs;
            double total = 0;
            for (size_t i = 0; i < k; ++i) {
                const double w = m_weighted ? 1.0 / (std::sqrt(distances[i].first) + 1e-6) : 1.0;
                const float label = m_y[distances[i].second];
                if (m_classes > 0)
                    o[size_t(label)] += w;
                else
                    o[0] += w * label;
                total += w;
            }
            if (m_classes > 0) {
                // One pseudo-neighbour spread by the class shares: no hard 0 or 1.
                const double pseudo = m_weighted ? total / double(k) : 1.0;
                for (size_t c = 0; c < outputs; ++c)
                    o[c] = (o[c] + pseudo * m_prior[c]) / (total + pseudo);
            } else {
                o[0] /= total;
            }
        }
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << qint32(m_classes) << qint32(m_k) << m_weighted << quint64(m_x.rows) << quint64(m_x.cols)
            << m_x.values << m_y;
        return bytes;
    }

private:
    FeatureMatrix m_x;
    std::vector<float> m_y;
    int m_classes; // 0: regression
    int m_k;
    bool m_weighted;
    std::vector<double> m_prior;
};

} // namespace

Params Knn::defaults(Task) const
{
    return {{QStringLiteral("n_neighbors"), 15}, {QStringLiteral("distance_weighted"), 1}};
}

Space Knn::space(Task) const
{
    return {{QStringLiteral("n_neighbors"), 3, 60, true, true}, {QStringLiteral("distance_weighted"), 0, 1, false, true}};
}

Result<std::unique_ptr<Model>> Knn::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                        const FitControl &) const
{
    const int k = params.value(QStringLiteral("n_neighbors"), 15).toInt();
    if (k < 1)
        return Error{QStringLiteral("KNN: n_neighbors must be at least 1")};
    if (x.rows == 0)
        return Error{QStringLiteral("KNN: no training rows")};
    if (x.rows > maxRows())
        return Error{QStringLiteral("KNN: %1 training rows is more than the %2 it keeps").arg(x.rows).arg(maxRows())};
    return std::unique_ptr<Model>(new KnnModel(x, y.values, y.task == Task::Classification ? y.classes : 0, k,
                                               params.value(QStringLiteral("distance_weighted"), 1).toInt() != 0));
}

Result<Knn::Stored> Knn::read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    qint32 classes = 0, k = 0;
    quint64 rows = 0, cols = 0;
    Stored s;
    in >> magic >> classes >> k >> s.weighted >> rows >> cols >> s.rows.values >> s.labels;
    s.rows.rows = rows;
    s.rows.cols = cols;
    const bool labelsFit = std::all_of(s.labels.begin(), s.labels.end(),
                                       [classes](float v) { return classes == 0 || (v >= 0 && v < float(classes)); });
    if (in.status() != QDataStream::Ok || magic != kMagic || k < 1 || classes < 0 || rows == 0 || s.labels.size() != rows
        || s.rows.values.size() != rows * cols || !labelsFit)
        return Error{QStringLiteral("KNN: the stored model is damaged")};
    s.classes = classes;
    s.k = k;
    return s;
}

Result<std::unique_ptr<Model>> Knn::load(const QByteArray &bytes)
{
    auto s = read(bytes);
    if (!s)
        return s.error();
    return std::unique_ptr<Model>(new KnnModel(std::move(s->rows), std::move(s->labels), s->classes, s->k, s->weighted));
}

} // namespace stratus::ml
