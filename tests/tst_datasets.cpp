// Registered datasets: versions and "latest", content hashes, profiles equal
// to pandas' describe(), stored data read back exactly, and imports that fail
// or are canceled leaving nothing behind.
#include "data/import/DatasetImport.h"
#include "TestSupport.h"

#include <QSqlQuery>

using namespace stratus;

namespace {

qint64 count(Workspace &ws, const char *table)
{
    QSqlQuery q(ws.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

RegisterRequest request(const QString &name)
{
    RegisterRequest r;
    r.name = name;
    return r;
}

QByteArray bigCsv(int rows)
{
    QByteArray content = "id,value,label\n";
    for (int i = 0; i < rows; ++i)
        content += QByteArray::number(i) + "," + QByteArray::number(i * 0.5) + "," + (i % 3 ? "a" : "b") + "\n";
    return content;
}

} // namespace

class TestDatasets : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void versionsAndLatest()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("versions.stratus"));
        const QString a = testing::writeFile(m_dir, QStringLiteral("a.csv"), "x,y\n1,2\n3,4\n");
        const QString b = testing::writeFile(m_dir, QStringLiteral("b.csv"), "x,y\n1,2\n3,5\n");
        RegisterRequest r = request(QStringLiteral("things"));
        r.description = QStringLiteral("first");
        r.tags = {{QStringLiteral("team"), QStringLiteral("ml")}};
        auto v1 = importDataset(*ws, a, {}, r);
        QVERIFY2(v1.ok(), qPrintable(v1.message()));
        QCOMPARE(v1->version.version, 1);
        QVERIFY(v1->sameDataAs.isEmpty());
        auto v2 = importDataset(*ws, b, {}, request(QStringLiteral("things")));
        QVERIFY2(v2.ok(), qPrintable(v2.message()));
        QCOMPARE(v2->version.version, 2);
        QVERIFY(v2->sameDataAs.isEmpty());
        QVERIFY(v1->version.contentHash != v2->version.contentHash);
        // The same data again (written differently): version 3, recognised as version 1's data.
        const QString a2 = testing::writeFile(m_dir, QStringLiteral("a2.csv"), "x;y\r\n1;2\r\n3;4\r\n");
        auto v3 = importDataset(*ws, a2, {}, request(QStringLiteral("things")));
        QVERIFY2(v3.ok(), qPrintable(v3.message()));
        QCOMPARE(v3->version.version, 3);
        QCOMPARE(v3->sameDataAs, QStringLiteral("things:1"));
        QCOMPARE(v3->version.contentHash, v1->version.contentHash);

        DatasetStore store(*ws);
        QCOMPARE(store.resolve(QStringLiteral("things"))->version, 3);
        QCOMPARE(store.resolve(QStringLiteral("things:latest"))->version, 3);
        auto first = store.resolve(QStringLiteral("things:1"));
        QCOMPARE(first->description, QStringLiteral("first"));
        QCOMPARE(first->tags.value(QStringLiteral("team")).toString(), QStringLiteral("ml"));
        QCOMPARE(store.versions(QStringLiteral("things"))->size(), 3);
        QVERIFY(store.resolve(QStringLiteral("things:4")).message().contains(QStringLiteral("has no version 4")));
        QVERIFY(store.resolve(QStringLiteral("nothing")).message().contains(QStringLiteral("no dataset named")));
        QVERIFY(store.resolve(QStringLiteral("things:x")).message().contains(QStringLiteral("NAME:NUMBER")));
        auto list = store.list();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().latestVersion, 3);
        QCOMPARE(list->first().versionCount, 3);
    }

    void profileMatchesPandas()
    {
        REQUIRE_SHARED_DATA();
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("profile.stratus"));
        auto r = importDataset(*ws, testing::sharedHeartFailureCsv(), {}, request(QStringLiteral("heart")));
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r->version.rows, qint64(299));
        // Figures from pandas 1.5: describe(), skew(), kurt(), nunique().
        struct Expected {
            int column;
            double mean, std, skew, kurt;
            std::vector<double> quantiles;
            qint64 unique;
        };
        const Expected expected[] = {
            {0, 60.83389297658862, 11.894809074044478, 0.42306190672863536, -0.18487053195417413,
             {42.9, 51.0, 60.0, 70.0, 82.0}, 47},
            {2, 581.8394648829432, 970.2878807124363, 4.463110084653752, 25.1490461965808,
             {59.0, 116.5, 250.0, 582.0, 2263.0}, 208},
            {7, 1.3938795986622072, 1.034510064089853, 4.455995882049026, 25.828238661132016,
             {0.7, 0.9, 1.1, 1.4, 3.0}, 40},
            {11, 130.2608695652174, 77.61420795029342, 0.12780264559841184, -1.2120479666763422,
             {12.9, 73.0, 115.0, 203.0, 250.0}, 148}};
        for (const Expected &e : expected) {
            const ColumnProfile &p = r->version.columns[e.column].profile;
            QCOMPARE(p.count, qint64(299));
            QCOMPARE(p.missing, qint64(0));
            QCOMPARE(p.unique, e.unique);
            QVERIFY(qAbs(*p.mean - e.mean) < 1e-9);
            QVERIFY(qAbs(*p.stddev - e.std) < 1e-9);
            QVERIFY(qAbs(*p.skewness - e.skew) < 1e-9);
            QVERIFY(qAbs(*p.kurtosis - e.kurt) < 1e-9);
            QCOMPARE(p.quantiles.size(), e.quantiles.size());
            for (size_t i = 0; i < e.quantiles.size(); ++i)
                QVERIFY2(qAbs(p.quantiles[i] - e.quantiles[i]) < 1e-9, qPrintable(p.name));
            qint64 histogram = 0;
            for (qint64 n : p.binCounts)
                histogram += n;
            QCOMPARE(histogram, qint64(299));
        }
        const ColumnProfile &death = r->version.columns[12].profile;
        QCOMPARE(death.type, ColumnType::Boolean);
        QCOMPARE(death.topValues.first(), (QPair<QString, qint64>(QStringLiteral("0"), 203))); // as the file writes it
        QCOMPARE(death.binCounts, (std::vector<qint64>{203, 96}));
    }

    void storedDataReadsBack()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("roundtrip.stratus"));
        // More rows than one chunk, with missing values and text.
        QByteArray content = bigCsv(20000);
        content += "20000,,\n";
        const QString path = testing::writeFile(m_dir, QStringLiteral("big.csv"), content);
        auto read = readCsv(path);
        QVERIFY(read.ok());
        auto r = importDataset(*ws, path, {}, request(QStringLiteral("big")));
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r->version.rows, qint64(20001));
        DatasetStore store(*ws);
        auto table = store.loadTable(r->version);
        QVERIFY2(table.ok(), qPrintable(table.message()));
        QCOMPARE(table->rowCount, read->table.rowCount);
        for (size_t c = 0; c < table->columns.size(); ++c) {
            for (size_t row = 0; row < table->rowCount; row += 997)
                QCOMPARE(table->columns[c].display(row), read->table.columns[c].display(row));
            QCOMPARE(table->columns[c].display(20000), read->table.columns[c].display(20000));
        }
        QVERIFY(table->columns[1].isMissing(20000));
        QVERIFY(table->columns[2].isMissing(20000));
        auto chunk = store.readChunk(r->version, 2, 2); // rows 16384..
        QVERIFY2(chunk.ok(), qPrintable(chunk.message()));
        QCOMPARE(chunk->size(), 20001 - 2 * 8192);
        QCOMPARE(chunk->at(0), QStringLiteral("a")); // 16384 % 3 != 0
        QCOMPARE(chunk->at(0), read->table.columns[2].display(16384));
        QCOMPARE(chunk->last(), QString());
    }

    void completeWithoutTheSourceFile()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("gone.stratus"));
        const QString path = testing::writeFile(m_dir, QStringLiteral("gone.csv"), "city,people\nSeoul,9.7\nBusan,3.4\n");
        auto r = importDataset(*ws, path, {}, request(QStringLiteral("cities")));
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QVERIFY(QFile::remove(path));
        ws.reset();
        ws = testing::newWorkspace(m_dir, QStringLiteral("gone.stratus"));
        auto v = DatasetStore(*ws).resolve(QStringLiteral("cities"));
        QVERIFY2(v.ok(), qPrintable(v.message()));
        QCOMPARE(v->sourcePath, path); // remembered, not needed
        auto table = DatasetStore(*ws).loadTable(*v);
        QVERIFY2(table.ok(), qPrintable(table.message()));
        QCOMPARE(table->columns[0].display(1), QStringLiteral("Busan"));
        QCOMPARE(table->columns[1].numbers[0], 9.7);
    }

    void failedImportLeavesNothing_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("bad file") << "bad";
        QTest::newRow("bad name") << "name";
        QTest::newRow("canceled while reading") << "cancel-read";
        QTest::newRow("canceled while storing") << "cancel-store";
    }
    void failedImportLeavesNothing()
    {
        QFETCH(QString, how);
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("rollback-%1.stratus").arg(how));
        const QString good = testing::writeFile(m_dir, QStringLiteral("good.csv"), bigCsv(60000));
        QVERIFY(importDataset(*ws, good, {}, request(QStringLiteral("kept"))).ok());
        const qint64 versions = count(*ws, "dataset_versions");
        const qint64 chunks = count(*ws, "dataset_chunks");
        const qint64 columns = count(*ws, "dataset_columns");

        std::atomic<bool> cancel{false};
        TaskControl control;
        control.cancel = &cancel;
        QString path = good;
        QString name = QStringLiteral("kept"); // a new version of an existing dataset
        if (how == QLatin1String("bad"))
            path = testing::writeFile(m_dir, QStringLiteral("bad.csv"), "a,b\n1,2\n3\n");
        else if (how == QLatin1String("name"))
            name = QStringLiteral("-bad name-");
        else if (how == QLatin1String("cancel-read"))
            control.progress = [&](double f) { if (f > 0.2) cancel = true; };
        else
            control.progress = [&](double f) { if (f > 0.8) cancel = true; };
        auto r = importDataset(*ws, path, {}, request(name), control);
        QVERIFY(!r.ok());
        QCOMPARE(count(*ws, "dataset_versions"), versions);
        QCOMPARE(count(*ws, "dataset_chunks"), chunks);
        QCOMPARE(count(*ws, "dataset_columns"), columns);
        QCOMPARE(DatasetStore(*ws).resolve(QStringLiteral("kept"))->version, 1);
        // The workspace is still writable afterwards.
        QVERIFY(importDataset(*ws, good, {}, request(QStringLiteral("after"))).ok());
    }

    void tags()
    {
        auto t = parseTags(QStringLiteral("team=ml, stage = dev,empty="));
        QVERIFY(t.ok());
        QCOMPARE(t->value(QStringLiteral("stage")).toString(), QStringLiteral("dev"));
        QCOMPARE(t->value(QStringLiteral("empty")).toString(), QString());
        QVERIFY(parseTags(QStringLiteral("team")).message().contains(QStringLiteral("'team'")));
        QVERIFY(parseTags(QString()).ok());
    }
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
