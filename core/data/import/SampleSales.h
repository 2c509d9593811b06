#pragma once
// Synthetic daily sales of a few stores: the forecasting sample of a new
// workspace, so the guided workflow has something to forecast. Each store's
// sales have a level, a trend, a weekly cycle (weekends busier), a yearly
// cycle, noise, and dips on public holidays; the "holiday" column is known
// for future days (Azure's known-future feature). Deterministic: the same
// seed gives the same rows.
//   columns: date (datetime, daily), store (categorical: "store 1".."store N"),
//            holiday (boolean), sales (decimal, 2 places)

#include "data/store/DatasetStore.h"

namespace stratus {

constexpr const char *kSalesSampleName = "store-sales";
constexpr int kSalesSampleStores = 4;
constexpr int kSalesSampleDays = 730; // 2023-01-01 .. 2024-12-30

DataTable generateStoreSales(int stores, int days, quint64 seed = 2023);
// Registers the sample as `name` (a new version if it exists).
Result<Registered> registerSalesSample(Workspace &workspace, const QString &name = QString::fromLatin1(kSalesSampleName));

} // namespace stratus
