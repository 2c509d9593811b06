#include "KernelSvm.h"

#include "Folds.h"
#include "SvmCalibration.h"

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
};

class KernelSvmModel : public Model {
public:
    KernelSvmModel(int classes, std::vector<std::pair<KernelScorer, Sigmoid>> parts)
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
        for (const auto &[scorer, sigmoid] : m_parts) {
            std::ostringstream function;
            dlib::serialize(scorer.function, function);
            const std::string s = function.str();
            out << QByteArray(s.data(), qsizetype(s.size())) << sigmoid;
        }
        return bytes;
    }

private:
    int m_classes;
    std::vector<std::pair<KernelScorer, Sigmoid>> m_parts;
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
    return std::unique_ptr<Model>(new KernelSvmModel(y.classes, std::move(*parts)));
}

Result<std::unique_ptr<Model>> KernelSvm::load(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0, count = 0;
    qint32 classes = 0;
    in >> magic >> classes >> count;
    if (magic != kMagic || classes < 2 || count != quint32(classes == 2 ? 1 : classes))
        return Error{QStringLiteral("SVM: the stored model is damaged")};
    std::vector<std::pair<KernelScorer, Sigmoid>> parts(count);
    for (auto &[scorer, sigmoid] : parts) {
        QByteArray function;
        in >> function >> sigmoid;
        try {
            std::istringstream stream(function.toStdString());
            dlib::deserialize(scorer.function, stream);
        } catch (const dlib::serialization_error &) {
            return Error{QStringLiteral("SVM: the stored model is damaged")};
        }
    }
    if (in.status() != QDataStream::Ok)
        return Error{QStringLiteral("SVM: the stored model is damaged")};
    return std::unique_ptr<Model>(new KernelSvmModel(classes, std::move(parts)));
}

} // namespace stratus::ml
