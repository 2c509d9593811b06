#pragma once
// What the workspace knows of a registered dataset and its versions.

#include "data/csv/CsvDialect.h"
#include "data/profile/ColumnProfile.h"

#include <QDateTime>
#include <QList>
#include <QVariantMap>

namespace stratus {

struct DatasetColumn {
    QString name;
    ColumnType type = ColumnType::Decimal;
    ColumnProfile profile;
    QJsonObject format;       // columnFormat(): chunk encoding, a boolean's spellings
    BooleanSpelling spelling; // a boolean's, from the format
};

struct DatasetVersion {
    qint64 id = 0;
    qint64 datasetId = 0;
    QString name;
    int version = 0;
    QString description;
    QVariantMap tags;
    QString sourcePath;
    CsvDialect dialect;
    QString contentHash; // "blake2b-256:<hex>" of the stored columns
    qint64 rows = 0;
    int chunkRows = 0;
    QDateTime createdAt;
    QList<DatasetColumn> columns;

    QString reference() const { return QStringLiteral("%1:%2").arg(name).arg(version); }
    // Made-up data that Stratus generated (tagged synthetic=true), not the user's.
    bool isSample() const { return tags.value(QStringLiteral("synthetic")).toString() == QLatin1String("true"); }
};

struct DatasetSummary {
    qint64 id = 0;
    QString name;
    QString description; // of the latest version
    int latestVersion = 0;
    int versionCount = 0;
    qint64 rows = 0;     // of the latest version
    int columns = 0;     // of the latest version
    QDateTime createdAt; // of the dataset
    QDateTime updatedAt; // of the latest version
    bool isSample = false; // the synthetic sample (its latest version is tagged synthetic=true)
};

} // namespace stratus
