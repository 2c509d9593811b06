#include "ml/learners/LinearSvm.h"

#include "ml/learners/SvmCalibration.h"
#include "ml/learners/VectorStream.h"
#include "ml/sampling/Folds.h"

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
    void write(QDataStream &out) const { out << w << b; }
    bool read(QDataStream &in)
    {
        in >> w >> b;
        return in.status() == QDataStream::Ok;
    }
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
    return std::unique_ptr<Model>(new CalibratedModel<Hyperplane>(kMagic, y.classes, std::move(*parts)));
}

Result<std::unique_ptr<Model>> LinearSvm::load(const QByteArray &bytes)
{
    return CalibratedModel<Hyperplane>::load(bytes, kMagic, QStringLiteral("LinearSVM"));
}

Result<LinearSvm::Stored> LinearSvm::read(const QByteArray &bytes)
{
    auto parts = CalibratedModel<Hyperplane>::readParts(bytes, kMagic, QStringLiteral("LinearSVM"));
    if (!parts)
        return parts.error();
    Stored s;
    s.classes = parts->first;
    for (const auto &[plane, sigmoid] : parts->second) {
        if (plane.w.empty())
            return Error{QStringLiteral("LinearSVM: the stored model is damaged")};
        s.parts.push_back({plane.w, plane.b, sigmoid.a, sigmoid.b});
    }
    return s;
}

} // namespace stratus::ml
