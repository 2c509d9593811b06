#include "data/import/SampleSales.h"

#include "data/import/DatasetImport.h"
#include "data/import/SampleRandom.h"

#include <QCoreApplication>
#include <QDate>
#include <cmath>
#include <numbers>

namespace stratus {

namespace {

bool isHoliday(const QDate &d)
{
    const int m = d.month(), day = d.day();
    return (m == 1 && day == 1) || (m == 5 && day == 1) || (m == 7 && day == 4) || (m == 11 && day == 11)
           || (m == 12 && (day == 25 || day == 26 || day == 31));
}

} // namespace

DataTable generateStoreSales(int stores, int days, quint64 seed)
{
    Random rng(seed);
    DataTable t;
    DataColumn date, store, holiday, sales;
    date.name = QStringLiteral("date");
    date.type = ColumnType::DateTime;
    store.name = QStringLiteral("store");
    store.type = ColumnType::Categorical;
    holiday.name = QStringLiteral("holiday");
    holiday.type = ColumnType::Boolean;
    sales.name = QStringLiteral("sales");
    sales.type = ColumnType::Decimal;
    const QDate first(2023, 1, 1);
    for (int d = 0; d < days; ++d)
        date.dictionary.push_back(first.addDays(d).toString(Qt::ISODate).toStdString());
    for (int s = 0; s < stores; ++s)
        store.dictionary.push_back(QStringLiteral("store %1").arg(s + 1).toStdString());
    for (int s = 0; s < stores; ++s) {
        const double level = 800 + 400 * rng.uniform();
        const double trend = (rng.uniform() - 0.3) * 0.4; // a day
        const double weekly = 0.12 + 0.1 * rng.uniform();
        const double yearly = 0.08 + 0.08 * rng.uniform();
        const double phase = 2 * std::numbers::pi * rng.uniform();
        for (int d = 0; d < days; ++d) {
            const QDate day = first.addDays(d);
            const bool off = isHoliday(day);
            const int dow = day.dayOfWeek(); // 1 = Monday
            const double week = dow >= 6 ? 1 + weekly : dow == 5 ? 1 + weekly / 2 : 1 - weekly / 3;
            const double year = 1 + yearly * std::sin(2 * std::numbers::pi * d / 365.25 + phase);
            double v = (level + trend * d) * week * year * (off ? 0.55 : 1.0) + rng.normal(0, 0.04 * level);
            date.codes.push_back(d);
            store.codes.push_back(s);
            holiday.appendNumber(off ? 1 : 0);
            sales.appendNumber(std::round(std::max(0.0, v) * 100) / 100);
        }
    }
    t.rowCount = size_t(stores) * size_t(days);
    t.columns = {std::move(date), std::move(store), std::move(holiday), std::move(sales)};
    return t;
}

Result<Registered> registerSalesSample(Workspace &workspace, const QString &name)
{
    RegisterRequest request;
    request.name = name;
    request.description = QCoreApplication::translate(
        "stratus::SampleData",
        "Synthetic daily sales of four stores over two years, made by Stratus: a trend, weekly and yearly seasons, "
        "and dips on holidays (a feature known ahead). For learning forecasting: label sales, time column date, "
        "series id store.");
    request.tags = {{QStringLiteral("synthetic"), QStringLiteral("true")},
                    {QStringLiteral("task"), QStringLiteral("forecasting")},
                    {QStringLiteral("label"), QStringLiteral("sales")},
                    {QStringLiteral("time_column"), QStringLiteral("date")}};
    request.sourcePath = QStringLiteral("stratus:sample/store-sales");
    return registerDataTable(workspace, generateStoreSales(kSalesSampleStores, kSalesSampleDays), request);
}

} // namespace stratus
