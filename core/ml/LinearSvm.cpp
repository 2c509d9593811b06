#include "LinearSvm.h"

#include "Folds.h"
#include "SvmCalibration.h"
#include "VectorStream.h"

#include <QIODevice>
#include <dlib/svm.h>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x4C535631; // "LSV1"

struct Hyperplane {
    std::vector<double> w;
    double b = 0;
    double score(const float *row) const
    {
        double s = -b;
        for (size_t f = 0; f < w.size(); ++f)
            s += w[f] * row[f];
        return s;
    }
};

class LinearSvmModel : public Model {
public:
    LinearSvmModel(int classes, std::vector<std::pair<Hyperplane, Sigmoid>> parts)
        : m_classes(classes), m_parts(std::move(parts))
    {
    }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        std::vector<double> out(x.rows * size_t(m_classes)), calibrated(m_parts.size());
        for (size_t r = 0; r < x.rows; ++r) {
            for (size_t i = 0; i < m_parts.size(); ++i)
                calibrated[i] = m_parts[i].second(m_parts[i].first.score(x.values.data() + r * x.cols));
            oneVsRestProbabilities(calibrated, m_classes, out.data() + r * size_t(m_classes));
        }
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kMagic << qint32(m_classes) << quint32(m_parts.size());
        for (const auto &[plane, sigmoid] : m_parts)
            out << plane.w << plane.b << sigmoid;
        return bytes;
    }

private:
    int m_classes;
    std::vector<std::pair<Hyperplane, Sigmoid>> m_parts;
};

} // namespace

Result<std::unique_ptr<Model>> LinearSvm::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                              const FitControl &control) const
{
    if (y.task != Task::Classification)
        return Error{QStringLiteral("LinearSVM is for classification")};
    const double c = params.value(QStringLiteral("C"), 1.0).toDouble();
    if (!(c > 0))
        return Error{QStringLiteral("LinearSVM: C must be above 0")};
    if (x.rows < 6)
        return Error{QStringLiteral("LinearSVM: needs at least 6 training rows")};
    using Sample = dlib::matrix<double, 0, 1>;
    std::vector<Sample> samples(x.rows, Sample(long(x.cols)));
    for (size_t r = 0; r < x.rows; ++r)
        for (size_t f = 0; f < x.cols; ++f)
            samples[r](long(f)) = x.at(r, f);
    auto train = [&](const std::vector<size_t> &rows, const std::vector<double> &targets) -> Result<Hyperplane> {
        std::vector<Sample> part;
        std::vector<double> labels;
        for (size_t r : rows) {
            part.push_back(samples[r]);
            labels.push_back(targets[r]);
        }
        dlib::svm_c_linear_dcd_trainer<dlib::linear_kernel<Sample>> trainer;
        trainer.set_c(c);
        trainer.include_bias(true);
        trainer.set_max_iterations(2000);
        const auto df = trainer.train(part, labels);
        Hyperplane plane;
        plane.w.assign(df.basis_vectors(0).begin(), df.basis_vectors(0).end());
        plane.b = df.b;
        return plane;
    };
    const std::vector<int> labels(y.values.begin(), y.values.end());
    auto parts = calibratedOneVsRest<Hyperplane>(x, y, stratifiedFolds(labels, 3, control.seed), train, control);
    if (!parts)
        return Error{QStringLiteral("LinearSVM: ") + parts.message()};
    return std::unique_ptr<Model>(new LinearSvmModel(y.classes, std::move(*parts)));
}

Result<std::unique_ptr<Model>> LinearSvm::load(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0, count = 0;
    qint32 classes = 0;
    in >> magic >> classes >> count;
    if (magic != kMagic || classes < 2 || count != quint32(classes == 2 ? 1 : classes))
        return Error{QStringLiteral("LinearSVM: the stored model is damaged")};
    std::vector<std::pair<Hyperplane, Sigmoid>> parts(count);
    for (auto &[plane, sigmoid] : parts)
        in >> plane.w >> plane.b >> sigmoid;
    if (in.status() != QDataStream::Ok)
        return Error{QStringLiteral("LinearSVM: the stored model is damaged")};
    return std::unique_ptr<Model>(new LinearSvmModel(classes, std::move(parts)));
}

} // namespace stratus::ml
