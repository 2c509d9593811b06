#include "ml/learners/KernelSvm.h"

#include "ml/learners/SvmCalibration.h"
#include "ml/sampling/Folds.h"

#include <QIODevice>
#include <dlib/svm.h>
#include <sstream>

namespace stratus::ml {

namespace {

constexpr quint32 kMagic = 0x4B535631; // "KSV1"
using Sample = dlib::matrix<double, 0, 1>;
using Kernel = dlib::radial_basis_kernel<Sample>;

struct KernelScorer {
    dlib::decision_function<Kernel> function;
    double score(const float *row) const
    {
        Sample s(function.basis_vectors.size() ? function.basis_vectors(0).size() : 0);
        for (long f = 0; f < s.size(); ++f)
            s(f) = row[f];
        return function(s);
    }
    void write(QDataStream &out) const
    {
        std::ostringstream stream;
        dlib::serialize(function, stream);
        const std::string bytes = stream.str();
        out << QByteArray(bytes.data(), qsizetype(bytes.size()));
    }
    bool read(QDataStream &in)
    {
        QByteArray bytes;
        in >> bytes;
        try {
            std::istringstream stream(bytes.toStdString());
            dlib::deserialize(function, stream);
        } catch (const dlib::serialization_error &) {
            return false;
        }
        return in.status() == QDataStream::Ok;
    }
};

} // namespace

Result<std::unique_ptr<Model>> KernelSvm::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                              const FitControl &control) const
{
    if (y.task != Task::Classification)
        return Error{QStringLiteral("SVM is for classification")};
    const double c = params.value(QStringLiteral("C"), 1.0).toDouble();
    const double gammaScale = params.value(QStringLiteral("gamma_scale"), 1.0).toDouble();
    if (!(c > 0) || !(gammaScale > 0))
        return Error{QStringLiteral("SVM: C and gamma_scale must be above 0")};
    if (x.rows < 6 || x.cols == 0)
        return Error{QStringLiteral("SVM: needs at least 6 training rows and one feature")};
    if (x.rows > maxRows())
        return Error{QStringLiteral("SVM: %1 training rows is more than the %2 it handles").arg(x.rows).arg(maxRows())};
    std::vector<Sample> samples(x.rows, Sample(long(x.cols)));
    for (size_t r = 0; r < x.rows; ++r)
        for (size_t f = 0; f < x.cols; ++f)
            samples[r](long(f)) = x.at(r, f);
    const double gamma = gammaScale / double(x.cols);
    auto train = [&](const std::vector<size_t> &rows, const std::vector<double> &targets) -> Result<KernelScorer> {
        std::vector<Sample> part;
        std::vector<double> labels;
        for (size_t r : rows) {
            part.push_back(samples[r]);
            labels.push_back(targets[r]);
        }
        if (std::all_of(labels.begin(), labels.end(), [&](double t) { return t == labels.front(); })) {
            // One class only in this part: a constant scorer.
            KernelScorer constant;
            constant.function.b = -labels.front();
            constant.function.alpha.set_size(0);
            return constant;
        }
        dlib::svm_c_trainer<Kernel> trainer;
        trainer.set_kernel(Kernel(gamma));
        trainer.set_c(c);
        // In megabytes: the whole kernel matrix when it is small, 200 MB at most.
        trainer.set_cache_size(long(std::min<size_t>(part.size() * part.size() * sizeof(double) / (1 << 20) + 1, 200)));
        return KernelScorer{trainer.train(part, labels)};
    };
    const std::vector<int> labels(y.values.begin(), y.values.end());
    auto parts = calibratedOneVsRest<KernelScorer>(x, y, stratifiedFolds(labels, 3, control.seed), train, control);
    if (!parts)
        return Error{QStringLiteral("SVM: ") + parts.message()};
    return std::unique_ptr<Model>(new CalibratedModel<KernelScorer>(kMagic, y.classes, std::move(*parts)));
}

Result<std::unique_ptr<Model>> KernelSvm::load(const QByteArray &bytes)
{
    return CalibratedModel<KernelScorer>::load(bytes, kMagic, QStringLiteral("SVM"));
}

Result<KernelSvm::Parts> KernelSvm::parts(const QByteArray &bytes)
{
    auto stored = CalibratedModel<KernelScorer>::readParts(bytes, kMagic, QStringLiteral("SVM"));
    if (!stored)
        return stored.error();
    Parts out;
    out.classes = stored->first;
    for (const auto &[scorer, sigmoid] : stored->second) {
        const auto &f = scorer.function;
        Part part;
        part.b = f.b;
        part.sigmoidA = sigmoid.a;
        part.sigmoidB = sigmoid.b;
        for (long v = 0; v < f.basis_vectors.size(); ++v) {
            const Sample &s = f.basis_vectors(v);
            if (out.features == 0) {
                out.features = size_t(s.size());
                out.gamma = f.kernel_function.gamma;
            }
            if (size_t(s.size()) != out.features || f.kernel_function.gamma != out.gamma)
                return Error{QStringLiteral("SVM: the stored model is damaged")};
            part.alpha.push_back(f.alpha(v));
            part.vectors.insert(part.vectors.end(), s.begin(), s.end());
        }
        out.parts.push_back(std::move(part));
    }
    return out;
}

} // namespace stratus::ml
