#include "data/import/SampleData.h"

#include "data/import/DatasetImport.h"
#include "data/import/SampleRandom.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace stratus {

namespace {

double clip(double v, double lo, double hi)
{
    return std::clamp(v, lo, hi);
}

DataColumn column(const char *name, ColumnType type)
{
    DataColumn c;
    c.name = QString::fromLatin1(name);
    c.type = type;
    return c;
}

} // namespace

DataTable generateHeartFailureRecords(int rows, quint64 seed)
{
    Random rng(seed);
    const size_t n = size_t(std::max(rows, 0));
    // Exactly 32% deaths, in a random order.
    std::vector<char> died(n, 0);
    const size_t deaths = size_t(std::lround(0.321 * double(n)));
    std::fill(died.begin(), died.begin() + long(deaths), char(1));
    for (size_t i = n; i > 1; --i)
        std::swap(died[i - 1], died[size_t(rng.next() % i)]);

    DataTable t;
    t.rowCount = n;
    t.columns = {column("age", ColumnType::Integer),
                 column("anaemia", ColumnType::Boolean),
                 column("creatinine_phosphokinase", ColumnType::Integer),
                 column("diabetes", ColumnType::Boolean),
                 column("ejection_fraction", ColumnType::Integer),
                 column("high_blood_pressure", ColumnType::Boolean),
                 column("platelets", ColumnType::Integer),
                 column("serum_creatinine", ColumnType::Decimal),
                 column("serum_sodium", ColumnType::Integer),
                 column("sex", ColumnType::Boolean),
                 column("smoking", ColumnType::Boolean),
                 column("time", ColumnType::Integer),
                 column("DEATH_EVENT", ColumnType::Boolean)};
    for (auto &c : t.columns)
        c.numbers.reserve(n);
    auto put = [&t](int col, double v) { t.columns[size_t(col)].appendNumber(v); }; // integers kept in step
    for (size_t i = 0; i < n; ++i) {
        const bool d = died[i] != 0;
        put(0, std::round(clip(rng.normal(d ? 65.2 : 58.8, 11.4), 40, 95)));
        put(1, rng.chance(d ? 0.48 : 0.41));
        put(2, std::round(clip(std::exp(rng.normal(std::log(250.0), 1.25)), 23, 7861)));
        put(3, rng.chance(0.42));
        put(4, std::round(clip(rng.normal(d ? 33.5 : 40.3, 11.2), 14, 80)));
        put(5, rng.chance(d ? 0.41 : 0.32));
        put(6, std::round(clip(rng.normal(263358, 97000), 25100, 850000)));
        put(7, std::round(clip(rng.logNormal(d ? 1.80 : 1.16, d ? 1.45 : 0.62), 0.5, 9.4) * 100) / 100);
        put(8, std::round(clip(rng.normal(d ? 135.4 : 137.2, 4.3), 113, 148)));
        put(9, rng.chance(0.65));
        put(10, rng.chance(0.32));
        put(11, std::round(d ? clip(4 + rng.gamma(1.3, 52), 4, 285) : clip(rng.normal(160, 66), 4, 285)));
        put(12, d);
    }
    return t;
}

Result<Registered> registerSyntheticRecords(Workspace &workspace, const QString &name, int rows,
                                            const TaskControl &control)
{
    if (rows < 1)
        return Error{QCoreApplication::translate("stratus::SampleData", "The number of rows must be at least 1.")};
    RegisterRequest request;
    request.name = name;
    request.description = QCoreApplication::translate(
        "stratus::SampleData",
        "Synthetic heart-failure clinical records made by Stratus: the 13 columns of the UCI data set (Chicco & "
        "Jurman, 2020) with similar distributions. Made-up values, for learning the workflow; label DEATH_EVENT.");
    request.tags = {{QStringLiteral("synthetic"), QStringLiteral("true")},
                    {QStringLiteral("label"), QStringLiteral("DEATH_EVENT")}};
    request.sourcePath = QStringLiteral("stratus:sample/heart-failure");
    return registerDataTable(workspace, generateHeartFailureRecords(rows), request, control);
}

Status registerSampleDataset(Workspace &workspace)
{
    auto r = registerSyntheticRecords(workspace, QString::fromLatin1(kSampleDatasetName), kSampleRows);
    return r ? Status{} : Status{r.error()};
}

} // namespace stratus
