// Single cells: missing tokens, numbers (with a decimal comma), booleans,
// ISO 8601 date/times.
#include "data/CellParser.h"

#include <QTest>

using namespace stratus;

class TestCellParser : public QObject {
    Q_OBJECT
private slots:
    void missing_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<bool>("missing");
        for (const char *m : {"", "NA", "na", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"})
            QTest::newRow(m[0] ? m : "empty") << QByteArray(m) << true;
        for (const char *v : {"0", "none", "N", "??", "nil", "-", "NAN1"})
            QTest::newRow(v) << QByteArray(v) << false;
    }
    void missing()
    {
        QFETCH(QByteArray, cell);
        QFETCH(bool, missing);
        QCOMPARE(cells::isMissing(std::string_view(cell.constData(), size_t(cell.size()))), missing);
    }

    // value: the double; exact: the 64-bit integer when the text is a
    // canonical whole number ("" when it is not one); other: written with the
    // other decimal separator.
    void numbers_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<bool>("isNumber");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("integral");
        QTest::addColumn<QString>("exact");
        QTest::addColumn<bool>("other");
        QTest::newRow("int") << QByteArray("42") << false << true << 42.0 << true << "42" << false;
        QTest::newRow("negative") << QByteArray("-7") << false << true << -7.0 << true << "-7" << false;
        QTest::newRow("plus: not canonical") << QByteArray("+7") << false << true << 7.0 << true << "" << false;
        QTest::newRow("minus zero: not canonical") << QByteArray("-0") << false << true << 0.0 << true << "" << false;
        QTest::newRow("plus minus") << QByteArray("+-5") << false << false << 0.0 << false << "" << false;
        QTest::newRow("zero") << QByteArray("0") << false << true << 0.0 << true << "0" << false;
        QTest::newRow("2^53+1") << QByteArray("9007199254740993") << false << true << 9007199254740992.0 << true
                                << "9007199254740993" << false;
        QTest::newRow("int64 max") << QByteArray("9223372036854775807") << false << true << 9223372036854775807.0
                                   << true << "9223372036854775807" << false;
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << false << true << -9223372036854775808.0
                                   << true << "-9223372036854775808" << false;
        QTest::newRow("beyond 64 bits") << QByteArray("9223372036854775808") << false << true << 9223372036854775808.0
                                        << true << "" << false;
        QTest::newRow("leading zero") << QByteArray("007") << false << true << 7.0 << true << "" << false;
        QTest::newRow("decimal") << QByteArray("1.83") << false << true << 1.83 << false << "" << false;
        QTest::newRow("leading dot") << QByteArray(".5") << false << true << 0.5 << false << "" << false;
        QTest::newRow("exponent") << QByteArray("1e-3") << false << true << 0.001 << false << "" << false;
        QTest::newRow("whole decimal") << QByteArray("3.0") << false << true << 3.0 << false << "" << false;
        QTest::newRow("decimal comma") << QByteArray("1,83") << true << true << 1.83 << false << "" << false;
        QTest::newRow("other separator: comma") << QByteArray("2,7") << false << true << 2.7 << false << "" << true;
        QTest::newRow("other separator: dot") << QByteArray("1.83") << true << true << 1.83 << false << "" << true;
        QTest::newRow("other separator: four digits") << QByteArray("0,1250") << false << true << 0.125 << false << "" << true;
        QTest::newRow("grouping, not a decimal") << QByteArray("1,234") << false << false << 0.0 << false << "" << false;
        QTest::newRow("grouping with a decimal comma") << QByteArray("1.234") << true << false << 0.0 << false << "" << false;
        QTest::newRow("grouped decimal") << QByteArray("1.234,5") << true << false << 0.0 << false << "" << false;
        QTest::newRow("two commas") << QByteArray("1,2,3") << false << false << 0.0 << false << "" << false;
        QTest::newRow("comma and exponent") << QByteArray("2,7e3") << false << false << 0.0 << false << "" << false;
        QTest::newRow("inf") << QByteArray("inf") << false << false << 0.0 << false << "" << false;
        QTest::newRow("nan word") << QByteArray("nan") << false << false << 0.0 << false << "" << false;
        QTest::newRow("word") << QByteArray("abc") << false << false << 0.0 << false << "" << false;
        QTest::newRow("trailing text") << QByteArray("12kg") << false << false << 0.0 << false << "" << false;
        QTest::newRow("less than") << QByteArray("<0.5") << false << false << 0.0 << false << "" << false;
        QTest::newRow("two dots") << QByteArray("1.2.3") << false << false << 0.0 << false << "" << false;
        QTest::newRow("overflow") << QByteArray("1e999") << false << false << 0.0 << false << "" << false;
    }
    void numbers()
    {
        QFETCH(QByteArray, cell);
        QFETCH(bool, decimalComma);
        QFETCH(bool, isNumber);
        const auto n = cells::parseNumber(std::string_view(cell.constData(), size_t(cell.size())), decimalComma);
        QCOMPARE(n.has_value(), isNumber);
        if (n) {
            QFETCH(double, value);
            QFETCH(bool, integral);
            QFETCH(QString, exact);
            QFETCH(bool, other);
            QCOMPARE(n->value, value);
            QCOMPARE(n->integral, integral);
            QCOMPARE(n->integer ? QString::number(qint64(*n->integer)) : QString(), exact);
            QCOMPARE(n->otherSeparator, other);
        }
    }

    void booleans()
    {
        QCOMPARE(cells::parseBoolWord("TRUE"), std::optional<bool>(true));
        QCOMPARE(cells::parseBoolWord("yes"), std::optional<bool>(true));
        QCOMPARE(cells::parseBoolWord("False"), std::optional<bool>(false));
        QCOMPARE(cells::parseBoolWord("no"), std::optional<bool>(false));
        QCOMPARE(cells::parseBoolWord("Y"), std::optional<bool>(true));
        QCOMPARE(cells::parseBoolWord("n"), std::optional<bool>(false));
        QCOMPARE(cells::parseBoolWord("T"), std::optional<bool>(true));
        QCOMPARE(cells::parseBoolWord("f"), std::optional<bool>(false));
        QCOMPARE(cells::parseBoolWord("On"), std::optional<bool>(true));
        QCOMPARE(cells::parseBoolWord("OFF"), std::optional<bool>(false));
        QVERIFY(!cells::parseBoolWord("1"));
        QVERIFY(!cells::parseBoolWord("yess"));
        QVERIFY(!cells::parseBoolWord("si"));
    }

    void dateTimes_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<bool>("iso");
        QTest::newRow("date") << QByteArray("2024-01-31") << true;
        QTest::newRow("minutes") << QByteArray("2024-01-31T14:05") << true;
        QTest::newRow("seconds space") << QByteArray("2024-01-31 14:05:09") << true;
        QTest::newRow("fraction zulu") << QByteArray("2024-01-31T14:05:09.123Z") << true;
        QTest::newRow("offset") << QByteArray("2024-01-31T14:05:09+09:00") << true;
        QTest::newRow("offset compact") << QByteArray("2024-01-31T14:05:09-0500") << true;
        QTest::newRow("leap day") << QByteArray("2024-02-29") << true;
        QTest::newRow("month 13") << QByteArray("2024-13-01") << false;
        QTest::newRow("february 30") << QByteArray("2024-02-30") << false;
        QTest::newRow("no leap day") << QByteArray("2023-02-29") << false;
        QTest::newRow("april 31") << QByteArray("2024-04-31") << false;
        QTest::newRow("end of the day") << QByteArray("2024-01-31T24:00") << true;
        QTest::newRow("24:59") << QByteArray("2024-01-31T24:59") << false;
        QTest::newRow("zone +14") << QByteArray("2024-01-31T10:00+14:00") << true;
        QTest::newRow("zone +99") << QByteArray("2024-01-31T10:00+99") << false;
        QTest::newRow("zone minutes 75") << QByteArray("2024-01-31T10:00+0175") << false;
        QTest::newRow("slashes") << QByteArray("2024/01/31") << false;
        QTest::newRow("us order") << QByteArray("01-31-2024") << false;
        QTest::newRow("trailing") << QByteArray("2024-01-31x") << false;
        QTest::newRow("number") << QByteArray("20240131") << false;
    }
    void dateTimes()
    {
        QFETCH(QByteArray, cell);
        QFETCH(bool, iso);
        QCOMPARE(cells::isIsoDateTime(std::string_view(cell.constData(), size_t(cell.size()))), iso);
    }
};

QTEST_GUILESS_MAIN(TestCellParser)
#include "tst_cellparser.moc"
