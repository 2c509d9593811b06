// Metrics against values recorded from scikit-learn 1.2 (and, for Azure's own
// weighted_accuracy, norm_macro_recall and the flattened micro averages, the
// formulas of Azure AutoML computed with numpy) on fixed inputs; and the
// cross-validation folds.
#include "ml/metrics/ClassificationMetrics.h"
#include "ml/metrics/Curves.h"
#include "ml/metrics/RegressionMetrics.h"
#include "ml/sampling/Folds.h"

#include <QTest>
#include <cmath>
#include <map>

using namespace stratus::ml;

namespace {

using Expected = std::map<QString, double>;

void compare(const QMap<QString, double> &got, const Expected &expected)
{
    for (const auto &[name, value] : expected) {
        QVERIFY2(got.contains(name), qPrintable(name));
        QVERIFY2(std::abs(got.value(name) - value) < 1e-12,
                 qPrintable(QStringLiteral("%1: %2, expected %3").arg(name).arg(got.value(name), 0, 'g', 17).arg(value, 0, 'g', 17)));
    }
    QCOMPARE(got.size(), int(expected.size()));
}

void closeTo(const std::vector<double> &got, const std::vector<double> &expected)
{
    QCOMPARE(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got[i] - expected[i]) < 1e-12, qPrintable(QStringLiteral("[%1] %2 vs %3").arg(i).arg(got[i]).arg(expected[i])));
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void binary()
    {
        const std::vector<int> y = {0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0};
        const std::vector<double> p1 = {0.4, 0.6, 0.9, 0.5, 0.2, 0.9, 0.0, 0.5, 0.9, 0.7, 0.2, 0.5, 0.5, 0.3, 0.3, 0.4, 1.0, 0.5, 0.8, 0.6};
        std::vector<double> probabilities;
        for (double p : p1) {
            probabilities.push_back(1 - p);
            probabilities.push_back(p);
        }
        compare(classificationMetrics(y, probabilities, 2), Expected{
        {"AUC_macro", 0.90909090909090906},
        {"AUC_micro", 0.89874999999999994},
        {"AUC_weighted", 0.90909090909090906},
        {"accuracy", 0.75},
        {"average_precision_score_macro", 0.90651015651015654},
        {"average_precision_score_micro", 0.88563218390804599},
        {"average_precision_score_weighted", 0.90741758241758252},
        {"balanced_accuracy", 0.74242424242424243},
        {"f1_score_macro", 0.74424552429667523},
        {"f1_score_micro", 0.75},
        {"f1_score_weighted", 0.748081841432225},
        {"log_loss", 0.41877528234061617},
        {"matthews_correlation", 0.4923659639173309},
        {"norm_macro_recall", 0.48484848484848486},
        {"precision_score_macro", 0.75},
        {"precision_score_micro", 0.75},
        {"precision_score_weighted", 0.75},
        {"recall_score_macro", 0.74242424242424243},
        {"recall_score_micro", 0.75},
        {"recall_score_weighted", 0.75},
        {"weighted_accuracy", 0.75742574257425743},
        });
    }

    void multiclass()
    {
        const std::vector<int> y = {0, 1, 2, 2, 1, 0, 1, 2, 0, 0, 1, 2, 1, 1, 2};
        const std::vector<double> probabilities = {0.46140000000000003, 0.15230000000000002, 0.38630000000000003, 0.034503450345034506, 0.40264026402640263, 0.5628562856285628, 0.1403, 0.3985, 0.4612, 0.1462, 0.3311, 0.5227, 0.010401040104010401, 0.5128512851285129, 0.47674767476747676, 0.5695, 0.428, 0.0025, 0.3742, 0.4786, 0.1472, 0.2322, 0.1061, 0.6617, 0.6392, 0.3389, 0.0219, 0.4869, 0.0883, 0.4248, 0.44084408440844086, 0.42084208420842084, 0.13831383138313832, 0.5405, 0.0348, 0.4247, 0.10010000000000001, 0.5902000000000001, 0.30970000000000003, 0.159, 0.6691, 0.1719, 0.1637, 0.0253, 0.811};
        compare(classificationMetrics(y, probabilities, 3), Expected{
        {"AUC_macro", 0.93250280583613909},
        {"AUC_micro", 0.92888888888888899},
        {"AUC_weighted", 0.93306397306397293},
        {"accuracy", 0.80000000000000004},
        {"average_precision_score_macro", 0.88141534391534382},
        {"average_precision_score_micro", 0.8609002303739145},
        {"average_precision_score_weighted", 0.88547619047619053},
        {"balanced_accuracy", 0.8222222222222223},
        {"f1_score_macro", 0.80000000000000016},
        {"f1_score_micro", 0.80000000000000016},
        {"f1_score_weighted", 0.80000000000000004},
        {"log_loss", 0.63427858619263189},
        {"matthews_correlation", 0.72297297297297303},
        {"norm_macro_recall", 0.73333333333333339},
        {"precision_score_macro", 0.8222222222222223},
        {"precision_score_micro", 0.80000000000000004},
        {"precision_score_weighted", 0.84444444444444444},
        {"recall_score_macro", 0.8222222222222223},
        {"recall_score_micro", 0.80000000000000004},
        {"recall_score_weighted", 0.80000000000000004},
        {"weighted_accuracy", 0.77922077922077915},
        });
        // One metric alone (the ensemble selection's): the same value.
        for (const QString &metric : {QStringLiteral("AUC_weighted"), QStringLiteral("accuracy")})
            QCOMPARE(classificationMetric(y, probabilities, 3, metric), classificationMetrics(y, probabilities, 3).value(metric));
    }

    void regression()
    {
        const std::vector<double> truth = {3.0, 5.5, 2.0, 7.25, 4.0, 0.0, 6.0, 8.5, 1.0, 3.5, 9.0, 2.5};
        const std::vector<double> predicted = {2.5, 5.0, 2.5, 7.0, 5.0, 0.5, 5.0, 8.0, 1.5, 3.0, 7.5, 3.5};
        compare(regressionMetrics(truth, predicted), Expected{
        {"explained_variance", 0.92550512117311245},
        {"mean_absolute_error", 0.6875},
        {"mean_absolute_percentage_error", 20.246113834533531},
        {"median_absolute_error", 0.5},
        {"normalized_mean_absolute_error", 0.076388888888888895},
        {"normalized_median_absolute_error", 0.055555555555555552},
        {"normalized_root_mean_squared_error", 0.085240521479268361},
        {"normalized_root_mean_squared_log_error", 0.081876588141937531},
        {"r2_score", 0.9241058935467622},
        {"root_mean_squared_error", 0.7671646933134153},
        {"root_mean_squared_log_error", 0.1885278113208384},
        {"spearman_correlation", 0.95947293265035061},
        });
    }

    void binaryCurves()
    {
        const std::vector<int> y = {0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0};
        const std::vector<double> p1 = {0.4, 0.6, 0.9, 0.5, 0.2, 0.9, 0.0, 0.5, 0.9, 0.7, 0.2, 0.5, 0.5, 0.3, 0.3, 0.4, 1.0, 0.5, 0.8, 0.6};
        std::vector<double> probabilities;
        for (double p : p1) {
            probabilities.push_back(1 - p);
            probabilities.push_back(p);
        }
        const ClassificationCurves curves = classificationCurves(y, probabilities, 2);
        // scikit-learn 1.2: roc_curve(drop_intermediate=False), precision_recall_curve, calibration_curve(n_bins=10).
        closeTo(curves.roc[1].x, {0, 0, 0, 0, 0, 0.18181818181818182, 0.36363636363636365, 0.54545454545454541, 0.72727272727272729, 0.90909090909090906, 1});
        closeTo(curves.roc[1].y, {0, 0.1111111111111111, 0.44444444444444442, 0.55555555555555558, 0.66666666666666663, 0.66666666666666663, 1, 1, 1, 1, 1});
        closeTo(std::vector<double>(curves.roc[1].thresholds.begin() + 1, curves.roc[1].thresholds.end()), {1, 0.90000000000000002, 0.80000000000000004, 0.69999999999999996, 0.59999999999999998, 0.5, 0.40000000000000002, 0.29999999999999999, 0.20000000000000001, 0});
        closeTo(curves.precisionRecall[1].x, {1, 1, 1, 1, 1, 0.66666666666666663, 0.66666666666666663, 0.55555555555555558, 0.44444444444444442, 0.1111111111111111, 0});
        closeTo(curves.precisionRecall[1].y, {0.45000000000000001, 0.47368421052631576, 0.52941176470588236, 0.59999999999999998, 0.69230769230769229, 0.75, 1, 1, 1, 1, 1});
        closeTo(curves.precisionRecall[1].thresholds, {0, 0.20000000000000001, 0.29999999999999999, 0.40000000000000002, 0.5, 0.59999999999999998, 0.69999999999999996, 0.80000000000000004, 0.90000000000000002, 1});
        closeTo(curves.calibration[1].x, {0, 0.20000000000000001, 0.29999999999999999, 0.40000000000000002, 0.5, 0.59999999999999998, 0.69999999999999996, 0.80000000000000004, 0.90000000000000002, 1});
        closeTo(curves.calibration[1].y, {0, 0, 0, 0, 0.59999999999999998, 0, 1, 1, 1, 1});
        // The confusion matrix of the argmax predictions (ties go to class 0).
        QCOMPARE(curves.confusion, (std::vector<std::vector<double>>{{9, 2}, {3, 6}}));
        // Binary: both classes' ROC curves have the same area, so the averages agree.
        QCOMPARE(curves.rocMacro.x.front(), 0.0);
        QCOMPARE(curves.rocMacro.y.back(), 1.0);
        // Gains: all positives found by the top 100%; lift at 100% is 1.
        QCOMPARE(curves.gains[1].y.back(), 1.0);
        QCOMPARE(curves.lift[1].y.back(), 1.0);
        // The top 10% (2 samples: scores 1.0 and 0.9) are both positives: lift = 1 / (9/20) / ... = 20/9.
        QVERIFY(std::abs(curves.lift[1].y[9] - (2.0 / 9.0) / 0.10) < 1e-12);
        // Stored and read back.
        const Curve back = Curve::fromJson(curves.roc[1].toJson());
        QCOMPARE(back.x, curves.roc[1].x);
        QCOMPARE(back.y, curves.roc[1].y);
    }

    void undefinedMetrics()
    {
        // One class only: no AUC; negative values: no log error.
        const auto c = classificationMetrics({1, 1, 1}, {0.2, 0.8, 0.4, 0.6, 0.9, 0.1}, 2);
        QVERIFY(std::isnan(c.value(QStringLiteral("AUC_weighted"))));
        QCOMPARE(c.value(QStringLiteral("accuracy")), 2.0 / 3.0);
        const auto r = regressionMetrics({-1, 2, 3}, {0, 2, 3});
        QVERIFY(std::isnan(r.value(QStringLiteral("root_mean_squared_log_error"))));
        QCOMPARE(r.value(QStringLiteral("mean_absolute_error")), 1.0 / 3.0);
    }

    void stratifiedFoldsAreBalanced()
    {
        std::vector<int> labels;
        for (int i = 0; i < 299; ++i)
            labels.push_back(i % 3 == 0 && i < 285 ? 1 : 0); // 95 positives, 204 negatives
        const auto folds = stratifiedFolds(labels, 10, 42);
        std::vector<int> positives(10, 0), sizes(10, 0);
        for (size_t i = 0; i < labels.size(); ++i) {
            QVERIFY(folds[i] >= 0 && folds[i] < 10);
            ++sizes[size_t(folds[i])];
            positives[size_t(folds[i])] += labels[i];
        }
        QVERIFY(*std::max_element(positives.begin(), positives.end()) - *std::min_element(positives.begin(), positives.end()) <= 1);
        QVERIFY(*std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end()) <= 1);
        QCOMPARE(stratifiedFolds(labels, 10, 42), folds); // the same seed, the same folds
        QVERIFY(stratifiedFolds(labels, 10, 43) != folds);
    }

    void plainFolds()
    {
        const auto folds = kFolds(103, 5, 1);
        std::vector<int> sizes(5, 0);
        for (int f : folds)
            ++sizes[size_t(f)];
        QCOMPARE(*std::min_element(sizes.begin(), sizes.end()), 20);
        QCOMPARE(*std::max_element(sizes.begin(), sizes.end()), 21);
    }

    void azureDefaultValidation()
    {
        QCOMPARE(defaultFoldCount(299), 10);
        QCOMPARE(defaultFoldCount(999), 10);
        QCOMPARE(defaultFoldCount(1000), 3);
        QCOMPARE(defaultFoldCount(20000), 3);
        QCOMPARE(defaultFoldCount(20001), 0); // a 10% holdout
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
