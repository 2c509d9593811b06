// data/TableFile: a table written for Slurm's workers reads back exactly —
// every column type, integers past 2^53, missing values, a boolean's own
// spellings, empty strings, a slice's offset and source lines — and a
// damaged file is an error naming it, never a crash or a wrong table.

#include "TestSupport.h"
#include "data/TableFile.h"

#include <QTemporaryDir>
#include <cmath>

using namespace stratus;

namespace {

DataColumn strings(const QString &name, ColumnType type, const std::vector<const char *> &values)
{
    DataColumn c;
    c.name = name;
    c.type = type;
    for (const char *v : values) {
        if (!v) {
            c.codes.push_back(-1);
            continue;
        }
        const auto at = std::find(c.dictionary.begin(), c.dictionary.end(), std::string(v));
        c.codes.push_back(int32_t(at - c.dictionary.begin()));
        if (at == c.dictionary.end())
            c.dictionary.emplace_back(v);
    }
    return c;
}

DataTable sample()
{
    DataTable t;
    t.rowCount = 4;
    t.firstLine = 2;
    DataColumn big;
    big.name = QStringLiteral("id");
    big.type = ColumnType::Integer;
    for (int64_t v : {int64_t(9007199254740993), int64_t(-9223372036854775807 - 1), int64_t(0)})
        big.appendInteger(v);
    big.appendMissing();
    DataColumn dec;
    dec.name = QStringLiteral("x");
    dec.type = ColumnType::Decimal;
    for (double v : {0.1, -0.0, 1e-320, std::nan("")})
        dec.appendNumber(v);
    DataColumn flag;
    flag.name = QStringLiteral("smoker");
    flag.type = ColumnType::Boolean;
    flag.spelling = {QStringLiteral("nein"), QStringLiteral("ja")};
    for (double v : {1.0, 0.0, std::nan(""), 1.0})
        flag.appendNumber(v);
    t.columns = {big, dec, flag, strings(QStringLiteral("city"), ColumnType::Categorical, {"Zürich", "", nullptr, "Zürich"}),
                 strings(QStringLiteral("note"), ColumnType::Text, {"a,\"b\"\nc", "서울", "", nullptr}),
                 strings(QStringLiteral("when"), ColumnType::DateTime, {"2026-11-30T08:00:00", nullptr, "2026-11-30", "1999-12-31 23:59"})};
    return t;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

} // namespace

class TestTableFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::newRow("whole") << 0 << 4;
        QTest::newRow("slice") << 1 << 3;
        QTest::newRow("no rows") << 2 << 2;
    }

    void roundTrip()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        DataTable table = sample();
        table.sourceLines = {2, 3, 5, 6}; // a quoted line break in row 2
        table = table.slice(size_t(from), size_t(to));
        const QString path = m_dir.filePath(QStringLiteral("t.table"));
        QVERIFY(tablefile::write(table, path));
        auto back = tablefile::read(path);
        QVERIFY2(back, qPrintable(back.message()));
        QCOMPARE(back->rowCount, table.rowCount);
        QCOMPARE(back->rowOffset, table.rowOffset);
        QCOMPARE(back->sourceLines, table.sourceLines);
        QCOMPARE(back->columns.size(), table.columns.size());
        for (size_t c = 0; c < table.columns.size(); ++c) {
            const DataColumn &a = table.columns[c], &b = back->columns[c];
            QCOMPARE(b.name, a.name);
            QCOMPARE(int(b.type), int(a.type));
            QVERIFY(b.spelling == a.spelling);
            QCOMPARE(b.integers, a.integers);
            QCOMPARE(b.codes, a.codes);
            QCOMPARE(b.dictionary, a.dictionary);
            QCOMPARE(b.numbers.size(), a.numbers.size());
            for (size_t i = 0; i < a.numbers.size(); ++i)
                QVERIFY2(sameBits(a.numbers[i], b.numbers[i]), qPrintable(QStringLiteral("%1 row %2").arg(a.name).arg(i)));
            for (size_t r = 0; r < table.rowCount; ++r)
                QCOMPARE(b.display(r), a.display(r)); // what the user sees, value for value
        }
        if (from == 1)
            QCOMPARE(back->where(0), table.where(0)); // messages still name the file's line
    }

    void damaged_data()
    {
        QTest::addColumn<int>("keep"); // bytes of a good file kept (-1: a count made huge)
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << 0 << "is not a Stratus table file";
        QTest::newRow("header only") << 30 << "truncated or damaged";
        QTest::newRow("cut in a column") << 200 << "truncated or damaged";
        QTest::newRow("huge count") << -1 << "truncated or damaged";
    }

    void damaged()
    {
        QFETCH(int, keep);
        QFETCH(QString, expected);
        const QString good = m_dir.filePath(QStringLiteral("good.table"));
        QVERIFY(tablefile::write(sample(), good));
        QByteArray bytes = testing::readFile(good);
        if (keep >= 0) {
            bytes.truncate(keep);
        } else {
            // The first vector count (the source lines', after a 36-byte header) made 2^60.
            const quint64 huge = quint64(1) << 60;
            bytes.replace(36, 8, QByteArray(reinterpret_cast<const char *>(&huge), 8));
        }
        const QString bad = testing::writeFile(m_dir, QStringLiteral("bad.table"), bytes);
        auto read = tablefile::read(bad);
        QVERIFY(!read);
        QVERIFY2(read.message().contains(bad) && read.message().contains(expected), qPrintable(read.message()));
    }
};

QTEST_GUILESS_MAIN(TestTableFile)
#include "tst_tablefile.moc"
