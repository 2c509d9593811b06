// Reading delimited text: dialect detection, RFC 4180 quoting, encodings,
// missing values, type inference, user choices, and every kind of bad input
// with the line and column it names.
#include "data/csv/CsvReader.h"
#include "TestSupport.h"

using namespace stratus;

namespace {
// "row:column=value" checks against DataColumn::display.
void checkCells(const DataTable &t, const QStringList &cells)
{
    for (const QString &check : cells) {
        const qsizetype colon = check.indexOf(QLatin1Char(':'));
        const qsizetype eq = check.indexOf(QLatin1Char('='));
        const int row = check.left(colon).toInt();
        const int column = t.indexOf(check.mid(colon + 1, eq - colon - 1));
        QVERIFY2(column >= 0, qPrintable(check));
        QCOMPARE(t.columns[size_t(column)].display(size_t(row)), check.mid(eq + 1));
    }
}
} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void goodFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("delimiter"); // detected delimiter
        QTest::addColumn<bool>("header");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QStringList>("cells");

        QTest::newRow("comma") << QByteArray("a,b\n1,x\n2,y\n") << "," << true << false << QStringList{"a", "b"}
                               << QStringList{"integer", "categorical"} << 2 << QStringList{"1:a=2", "0:b=x"};
        QTest::newRow("tab") << QByteArray("a\tb\n1.5\t2\n2.5\t3\n") << "\t" << true << false
                             << QStringList{"a", "b"} << QStringList{"decimal", "integer"} << 2
                             << QStringList{"1:a=2.5"};
        QTest::newRow("semicolon decimal comma")
            << QByteArray("height;weight\n1,83;80,5\n1,65;61\n") << ";" << true << true
            << QStringList{"height", "weight"} << QStringList{"decimal", "decimal"} << 2
            << QStringList{"0:height=1.83", "0:weight=80.5", "1:weight=61"};
        QTest::newRow("pipe") << QByteArray("a|b|c\n1|2|3\n4|5|6\n") << "|" << true << false
                              << QStringList{"a", "b", "c"} << QStringList{"integer", "integer", "integer"} << 2
                              << QStringList{"1:c=6"};
        QTest::newRow("quoted delimiter and quotes")
            << QByteArray("id,comment\n1,\"hello, world\"\n2,\"she said \"\"hi\"\"\"\n") << "," << true << false
            << QStringList{"id", "comment"} << QStringList{"integer", "categorical"} << 2
            << QStringList{"0:comment=hello, world", "1:comment=she said \"hi\""};
        QTest::newRow("embedded newline")
            << QByteArray("id,note\r\n1,\"line one\r\nline two\"\r\n2,plain\r\n") << "," << true << false
            << QStringList{"id", "note"} << QStringList{"integer", "categorical"} << 2
            << QStringList{"0:note=line one\r\nline two", "1:note=plain"};
        QTest::newRow("bom and crlf") << QByteArray("\xEF\xBB\xBFname,age\r\nKim,30\r\nLee,41\r\n") << "," << true
                                      << false << QStringList{"name", "age"}
                                      << QStringList{"categorical", "integer"} << 2 << QStringList{"1:name=Lee"};
        QTest::newRow("utf-8 text") << QByteArray("도시,인구\n서울,9.7\n부산,3.4\n") << "," << true << false
                                    << QStringList{"도시", "인구"} << QStringList{"categorical", "decimal"} << 2
                                    << QStringList{"0:도시=서울"};
        QTest::newRow("missing tokens")
            << QByteArray("a,b,c\n1,NA,x\nN/A,2,null\n3,NaN,?\n,4,y\n") << "," << true << false
            << QStringList{"a", "b", "c"} << QStringList{"integer", "integer", "categorical"} << 4
            << QStringList{"1:a=", "0:b=", "2:b=", "1:c=", "2:c=", "3:a=", "3:b=4"};
        QTest::newRow("no header") << QByteArray("1,2\n3,4\n") << "," << false << false
                                   << QStringList{"Column1", "Column2"} << QStringList{"integer", "integer"} << 2
                                   << QStringList{"0:Column1=1"};
        QTest::newRow("booleans") << QByteArray("a,b,c\n0,true,yes\n1,FALSE,no\n1,true,Yes\n") << "," << true
                                  << false << QStringList{"a", "b", "c"}
                                  << QStringList{"boolean", "boolean", "categorical"} << 3
                                  << QStringList{"1:b=FALSE", "2:c=Yes", "0:a=0"};
        QTest::newRow("datetime") << QByteArray("when,v\n2024-01-31,1\n2024-02-01T10:00:00Z,2\n") << "," << true
                                  << false << QStringList{"when", "v"} << QStringList{"datetime", "integer"} << 2
                                  << QStringList{"1:when=2024-02-01T10:00:00Z"};
        QTest::newRow("number turns word late")
            << QByteArray("code,v\n001,1\n002,2\n003,3\nA17,4\n") << "," << true << false
            << QStringList{"code", "v"} << QStringList{"categorical", "integer"} << 4
            << QStringList{"0:code=001", "3:code=A17"};
        QTest::newRow("blank lines skipped") << QByteArray("a,b\n\n1,2\n\n3,4\n\n") << "," << true << false
                                             << QStringList{"a", "b"} << QStringList{"integer", "integer"} << 2
                                             << QStringList{"1:a=3"};
        QTest::newRow("no final newline") << QByteArray("a,b\n1,2\n3,4") << "," << true << false
                                          << QStringList{"a", "b"} << QStringList{"integer", "integer"} << 2
                                          << QStringList{"1:b=4"};
        QTest::newRow("trailing empty field") << QByteArray("a,b\n1,\n3,4\n") << "," << true << false
                                              << QStringList{"a", "b"} << QStringList{"integer", "integer"} << 2
                                              << QStringList{"0:b="};
        QTest::newRow("spaces trimmed") << QByteArray("a , b\n 1 , x \n2,y\n") << "," << true << false
                                        << QStringList{"a", "b"} << QStringList{"integer", "categorical"} << 2
                                        << QStringList{"0:b=x"};
        QTest::newRow("single column") << QByteArray("value\n1\n2\n3\n") << "," << true << false
                                       << QStringList{"value"} << QStringList{"integer"} << 3
                                       << QStringList{"2:value=3"};
        QByteArray longText = "id,review\n";
        for (int i = 0; i < 60; ++i)
            longText += QByteArray::number(i) + ",\"review number " + QByteArray::number(i) + " of a long product "
                        + "text that goes on\"\n";
        QTest::newRow("text") << longText << "," << true << false << QStringList{"id", "review"}
                              << QStringList{"integer", "text"} << 60 << QStringList{"59:id=59"};
    }
    void goodFiles()
    {
        QFETCH(QByteArray, content);
        const QString path = testing::writeFile(m_dir, QStringLiteral("good.csv"), content);
        auto r = readCsv(path);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QFETCH(QString, delimiter);
        QFETCH(bool, header);
        QFETCH(bool, decimalComma);
        QCOMPARE(QString(QLatin1Char(r->dialect.delimiter)), delimiter);
        QCOMPARE(r->dialect.hasHeader, header);
        QCOMPARE(r->dialect.decimalComma, decimalComma);
        QFETCH(QStringList, names);
        QFETCH(QStringList, types);
        QStringList gotNames, gotTypes;
        for (const auto &c : r->table.columns) {
            gotNames << c.name;
            gotTypes << columnTypeName(c.type);
        }
        QCOMPARE(gotNames, names);
        QCOMPARE(gotTypes, types);
        QFETCH(int, rows);
        QCOMPARE(int(r->table.rowCount), rows);
        QFETCH(QStringList, cells);
        checkCells(r->table, cells);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "bad.csv: the file is empty";
        QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n") << "bad.csv: the file is empty";
        QTest::newRow("header only") << QByteArray("a,b,c\n") << "bad.csv: the file has a header line but no data rows";
        QTest::newRow("ragged short") << QByteArray("a,b,c\n1,2,3\n4,5\n")
                                      << "bad.csv: line 3: expected 3 fields, as in the first line, but found 2";
        QTest::newRow("ragged long") << QByteArray("a,b\n1,2\n3,4\n5,6,7\n")
                                     << "bad.csv: line 4: expected 2 fields, as in the first line, but found 3";
        QTest::newRow("unterminated quote")
            << QByteArray("a,b\n1,2\n3,\"open\n4,5\n") << "bad.csv: line 3, column 2 ('b'): has a quote that is never closed";
        QTest::newRow("text after quote")
            << QByteArray("a,b\n1,\"x\"y\n") << "bad.csv: line 2, column 2 ('b'): has text after its closing quote";
        QTest::newRow("invalid utf-8") << QByteArray("name,city\nKim,Seoul\nLee,Pusan\xC3\x28\n")
                                       << "bad.csv: line 3, column 2 ('city'): contains bytes that are not valid UTF-8";
        QTest::newRow("latin-1") << QByteArray("name,city\nJos\xE9,Madrid\n")
                                 << "bad.csv: line 2, column 1 ('name'): contains bytes that are not valid UTF-8";
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0", 16)
                                << "looks like a binary file";
        QTest::newRow("utf-16") << QByteArray("\xFF\xFE" "a\0,\0b\0", 8) << "bad.csv: the file is encoded as UTF-16";
        QTest::newRow("duplicate names") << QByteArray("age,sex,age\n1,2,3\n")
                                         << "bad.csv: line 1, column 3: the column name 'age' is used twice (columns 1 and 3)";
        QTest::newRow("empty name") << QByteArray("age,,sex\n1,2,3\n")
                                    << "bad.csv: line 1, column 2: the column name is empty";
        QByteArray late = "a,b\n";
        for (int i = 0; i < 20000; ++i)
            late += "1,2\n";
        late += QByteArray("3,\0", 3) + "\n";
        QTest::newRow("NUL after the sniffed part")
            << late << "bad.csv: line 20002, column 2 ('b'): contains a NUL byte; this looks like a binary file";
    }
    void badFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = testing::writeFile(m_dir, QStringLiteral("bad.csv"), content);
        auto r = readCsv(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
    }

    void userChoices()
    {
        const QString path = testing::writeFile(m_dir, QStringLiteral("choices.csv"),
                                                "zip,score,flag,note\n01234,1,0,a\n98765,2,1,b\n");
        CsvReadOptions options;
        options.columns[QStringLiteral("zip")].type = ColumnType::Categorical;
        options.columns[QStringLiteral("score")].type = ColumnType::Decimal;
        options.columns[QStringLiteral("flag")].type = ColumnType::Integer;
        options.columns[QStringLiteral("note")].ignored = true;
        auto r = readCsv(path, options);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(int(r->table.columns.size()), 3);
        QCOMPARE(r->table.columns[0].type, ColumnType::Categorical);
        QCOMPARE(r->table.columns[0].display(0), QStringLiteral("01234")); // leading zero kept
        QCOMPARE(r->table.columns[1].type, ColumnType::Decimal);
        QCOMPARE(r->table.columns[2].type, ColumnType::Integer);
        QCOMPARE(r->ignored, QStringList{QStringLiteral("note")});
        QCOMPARE(r->allColumns.size(), 4);
    }

    void choiceThatDoesNotFit_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("integer") << "integer" << "line 3, column 1 ('v'): '2.5' is not a whole number";
        QTest::newRow("boolean") << "boolean" << "line 3, column 1 ('v'): '2.5' is not a boolean";
        QTest::newRow("datetime") << "datetime" << "line 2, column 1 ('v'): '1' is not an ISO 8601 date/time";
    }
    void choiceThatDoesNotFit()
    {
        QFETCH(QString, type);
        QFETCH(QString, message);
        const QString path = testing::writeFile(m_dir, QStringLiteral("fit.csv"), "v\n1\n2.5\n");
        CsvReadOptions options;
        options.columns[QStringLiteral("v")].type = columnTypeFromName(type);
        auto r = readCsv(path, options);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
    }

    void unknownColumnChoice()
    {
        const QString path = testing::writeFile(m_dir, QStringLiteral("u.csv"), "a,b\n1,2\n");
        CsvReadOptions options;
        options.columns[QStringLiteral("c")].ignored = true;
        auto r = readCsv(path, options);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().contains(QStringLiteral("there is no column named 'c' (the columns are: a, b)")),
                 qPrintable(r.message()));
    }

    void overrideDialect()
    {
        // Detected as a header + semicolons; the user says: no header, comma.
        const QString path = testing::writeFile(m_dir, QStringLiteral("o.csv"), "x;y\n1;2\n");
        CsvReadOptions options;
        options.delimiter = ',';
        options.hasHeader = false;
        auto r = readCsv(path, options);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(int(r->table.columns.size()), 1);
        QCOMPARE(int(r->table.rowCount), 2);
        QCOMPARE(r->table.columns[0].display(0), QStringLiteral("x;y"));
    }

    void previewStopsEarly()
    {
        QByteArray content = "n\n";
        for (int i = 0; i < 1000; ++i)
            content += QByteArray::number(i) + "\n";
        const QString path = testing::writeFile(m_dir, QStringLiteral("p.csv"), content);
        CsvReadOptions options;
        options.maxRows = 10;
        auto r = readCsv(path, options);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(int(r->table.rowCount), 10);
        QVERIFY(r->truncated);
    }

    void cancel()
    {
        QByteArray content = "a,b\n";
        for (int i = 0; i < 20000; ++i)
            content += "1,2\n";
        const QString path = testing::writeFile(m_dir, QStringLiteral("c.csv"), content);
        std::atomic<bool> cancel{true};
        TaskControl control;
        control.cancel = &cancel;
        auto r = readCsv(path, {}, control);
        QVERIFY(!r.ok());
        QCOMPARE(r.message(), QStringLiteral("Canceled."));
    }

    void heartFailureFile()
    {
        REQUIRE_SHARED_DATA();
        auto r = readCsv(testing::sharedHeartFailureCsv());
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(int(r->table.rowCount), 299);
        QCOMPARE(int(r->table.columns.size()), 13);
        QCOMPARE(r->table.columns[0].name, QStringLiteral("age"));
        QCOMPARE(r->table.columns[0].type, ColumnType::Decimal); // 60.667 appears
        QCOMPARE(r->table.columns[1].type, ColumnType::Boolean); // anaemia 0/1
        QCOMPARE(r->table.columns[2].type, ColumnType::Integer);
        QCOMPARE(r->table.columns[12].name, QStringLiteral("DEATH_EVENT"));
        QCOMPARE(r->table.columns[12].type, ColumnType::Boolean);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
