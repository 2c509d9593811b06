// The layout's rules, checked on the source tree (ARCHITECTURE.md says why):
// - core/'s folders depend one way: common <- workspace <- data <- registry
//   <- compute <- ml <- serve, export (serve and export do not include each other)
//   <- pipeline (steps that chain them all);
// - no two folders of core/ or ui/ include each other, directly or through
//   others (no cycles between folders);
// - ui/ never touches SQL: no QtSql header, no workspace/Sql.h or Schema.h;
// - dlib, XGBoost, protobuf, ONNX and yaml-cpp headers only in .cpp files;
// - no source file loose at the root of core/ or ui/;
// - includes name their folder from the library's root, in quotes (no path
//   relative to the including file, no "../", no <> for project headers).
// CMake enforces the rest: QtSql is private to the core, the CLI links the
// core only, and includes resolve from one root per library. Each rule is
// also run on a small tree that breaks it, so that a rule that stopped
// finding anything would fail here.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>

namespace {

const QStringList kCoreOrder = {QStringLiteral("common"), QStringLiteral("workspace"), QStringLiteral("data"),
                                QStringLiteral("registry"), QStringLiteral("compute"), QStringLiteral("ml"), QStringLiteral("serve|export"),
                                QStringLiteral("pipeline")};

struct Include {
    QString file;   // relative to the source root, e.g. "core/data/csv/CsvReader.cpp"
    int line = 0;
    QString target; // the included header, relative to the source root; empty for a system header
    QString system; // the system header, e.g. "QSqlQuery"
    QString written; // a project include not written from its library's root in quotes: as written
};

QString folderOf(const QString &file)
{
    return file.left(file.lastIndexOf(QLatin1Char('/')));
}

// Every include of the .h/.cpp files under root/core and root/ui, resolved
// as the compiler does: a quoted name next to the including file first, then
// the library's root (ui/ sees ui/ then core/); an angled name from the
// roots too, so that a project header is found however it is written.
QList<Include> includes(const QString &root)
{
    static const QRegularExpression directive(QStringLiteral("^\\s*#\\s*include\\s*([<\"])([^\">]+)[\">]"));
    QList<Include> out;
    const QDir base(root);
    for (const QString &lib : {QStringLiteral("core"), QStringLiteral("ui")}) {
        QDirIterator it(base.filePath(lib), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString rel = base.relativeFilePath(path);
            int n = 0;
            while (!file.atEnd()) {
                const QString text = QString::fromUtf8(file.readLine());
                ++n;
                const auto m = directive.match(text);
                if (!m.hasMatch())
                    continue;
                Include inc{rel, n, {}, {}, {}};
                const bool quoted = m.captured(1) == QLatin1String("\"");
                const QString name = m.captured(2);
                QStringList candidates;
                if (quoted)
                    candidates << QDir::cleanPath(folderOf(rel) + QLatin1Char('/') + name);
                candidates << QDir::cleanPath(lib + QLatin1Char('/') + name)
                           << QDir::cleanPath(QStringLiteral("core/") + name);
                for (const QString &candidate : std::as_const(candidates)) {
                    if ((candidate.startsWith(QLatin1String("core/")) || candidate.startsWith(QLatin1String("ui/")))
                        && QFileInfo(base.filePath(candidate)).isFile()) {
                        inc.target = candidate;
                        break;
                    }
                }
                if (inc.target.isEmpty()) {
                    if (quoted)
                        continue; // a generated file (moc) or a test's own helper
                    inc.system = name;
                } else {
                    const QString fromRoot = inc.target.mid(inc.target.indexOf(QLatin1Char('/')) + 1);
                    const bool rootOfItsLibrary = inc.target.startsWith(lib + QLatin1Char('/')) || !QFileInfo(base.filePath(lib + QLatin1Char('/') + fromRoot)).exists();
                    if (!quoted || name != fromRoot || !rootOfItsLibrary)
                        inc.written = (quoted ? QStringLiteral("\"%1\"") : QStringLiteral("<%1>")).arg(name);
                }
                out << inc;
            }
        }
    }
    return out;
}


// "core/ml/automl" -> "ml"; "ui/..." -> empty.
QString coreLayer(const QString &folder)
{
    const QStringList parts = folder.split(QLatin1Char('/'));
    return parts.value(0) == QLatin1String("core") ? parts.value(1) : QString();
}

int rank(const QString &layer)
{
    for (int i = 0; i < kCoreOrder.size(); ++i) {
        if (kCoreOrder[i].split(QLatin1Char('|')).contains(layer))
            return i;
    }
    return -1;
}

QString where(const Include &inc)
{
    return QStringLiteral("%1:%2").arg(inc.file).arg(inc.line);
}

QStringList layerViolations(const QList<Include> &all)
{
    QStringList out;
    for (const Include &inc : all) {
        const QString from = coreLayer(folderOf(inc.file)), to = coreLayer(folderOf(inc.target));
        if (from.isEmpty() || to.isEmpty() || from == to)
            continue;
        if (rank(from) < 0 || rank(to) < 0)
            out << QStringLiteral("%1: folder core/%2 is not in the layer order").arg(where(inc), rank(from) < 0 ? from : to);
        else if (rank(to) >= rank(from))
            out << QStringLiteral("%1: core/%2 includes %3, a layer above or beside it").arg(where(inc), from, inc.target);
    }
    return out;
}

QStringList folderCycles(const QList<Include> &all)
{
    QHash<QString, QSet<QString>> edges;
    QHash<QPair<QString, QString>, QString> example;
    for (const Include &inc : all) {
        if (inc.target.isEmpty())
            continue;
        const QString a = folderOf(inc.file), b = folderOf(inc.target);
        if (a != b) {
            edges[a].insert(b);
            example.insert({a, b}, where(inc));
        }
    }
    // Depth-first search; a back edge closes a cycle.
    QStringList out;
    QHash<QString, int> state; // 1: on the path, 2: done
    QStringList path;
    std::function<void(const QString &)> visit = [&](const QString &node) {
        state[node] = 1;
        path << node;
        QStringList next = edges.value(node).values();
        next.sort();
        for (const QString &n : std::as_const(next)) {
            if (state.value(n) == 1) {
                const QStringList cycle = path.mid(path.indexOf(n)) << n;
                QStringList steps;
                for (int i = 0; i + 1 < cycle.size(); ++i)
                    steps << QStringLiteral("%1 -> %2 (%3)").arg(cycle[i], cycle[i + 1], example.value({cycle[i], cycle[i + 1]}));
                out << QStringLiteral("folders include each other: ") + steps.join(QStringLiteral(", "));
            } else if (state.value(n) == 0) {
                visit(n);
            }
        }
        path.removeLast();
        state[node] = 2;
    };
    QStringList nodes = edges.keys();
    nodes.sort();
    for (const QString &n : std::as_const(nodes)) {
        if (state.value(n) == 0)
            visit(n);
    }
    return out;
}

QStringList sqlInUi(const QList<Include> &all)
{
    QStringList out;
    for (const Include &inc : all) {
        if (!inc.file.startsWith(QLatin1String("ui/")))
            continue;
        if (inc.system.startsWith(QLatin1String("QSql")) || inc.system.startsWith(QLatin1String("QtSql/"))
            || inc.target == QLatin1String("core/workspace/Sql.h") || inc.target == QLatin1String("core/workspace/Schema.h"))
            out << QStringLiteral("%1: the studio includes %2 (SQL stays in the core's stores)")
                       .arg(where(inc), inc.system.isEmpty() ? inc.target : inc.system);
    }
    return out;
}

QStringList heavyHeaders(const QList<Include> &all)
{
    QStringList out;
    for (const Include &inc : all) {
        if (!inc.file.endsWith(QLatin1String(".h")))
            continue;
        for (const char *prefix : {"dlib/", "xgboost/", "google/protobuf/", "onnx/", "httplib.h", "yaml-cpp/"}) {
            if (inc.system.startsWith(QLatin1String(prefix)))
                out << QStringLiteral("%1: a header includes <%2>; include it in a .cpp file").arg(where(inc), inc.system);
        }
    }
    return out;
}

QStringList includePaths(const QList<Include> &all)
{
    QStringList out;
    for (const Include &inc : all) {
        if (!inc.written.isEmpty())
            out << QStringLiteral("%1: #include %2 reaches %3; write it from the library's root, in quotes (\"%4\")")
                       .arg(where(inc), inc.written, inc.target, inc.target.mid(inc.target.indexOf(QLatin1Char('/')) + 1));
    }
    return out;
}

QStringList looseFiles(const QString &root)
{
    QStringList out;
    for (const QString &lib : {QStringLiteral("core"), QStringLiteral("ui")}) {
        const QDir dir(QDir(root).filePath(lib));
        for (const QString &f : dir.entryList({QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files))
            out << QStringLiteral("%1/%2: loose at the root of %1/ (put it in the folder of its feature)").arg(lib, f);
    }
    return out;
}

using Check = QStringList (*)(const QString &root);

QHash<QString, Check> checks()
{
    return {
        {QStringLiteral("layers"), [](const QString &r) { return layerViolations(includes(r)); }},
        {QStringLiteral("cycles"), [](const QString &r) { return folderCycles(includes(r)); }},
        {QStringLiteral("sql"), [](const QString &r) { return sqlInUi(includes(r)); }},
        {QStringLiteral("heavy"), [](const QString &r) { return heavyHeaders(includes(r)); }},
        {QStringLiteral("loose"), [](const QString &r) { return looseFiles(r); }},
        {QStringLiteral("paths"), [](const QString &r) { return includePaths(includes(r)); }},
    };
}

void write(const QString &root, const QString &file, const QByteArray &text)
{
    const QString path = QDir(root).filePath(file);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestLayering : public QObject {
    Q_OBJECT
private slots:
    void treeKeepsTheRules_data()
    {
        QTest::addColumn<QString>("check");
        for (const QString &name : {QStringLiteral("layers"), QStringLiteral("cycles"), QStringLiteral("sql"),
                                    QStringLiteral("heavy"), QStringLiteral("loose"), QStringLiteral("paths")})
            QTest::newRow(qPrintable(name)) << name;
    }

    void treeKeepsTheRules()
    {
        QFETCH(QString, check);
        const QString root = QStringLiteral(STRATUS_SOURCE_DIR);
        QVERIFY(QFile::exists(root + QStringLiteral("/core/workspace/Workspace.h")));
        QVERIFY2(includes(root).size() > 500, "the source tree was not read");
        const QStringList found = checks().value(check)(root);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // A tree that breaks each rule once: every check finds its break, naming
    // the file and line.
    void brokenTreeIsCaught_data()
    {
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("expected");
        QTest::newRow("layers") << QStringLiteral("layers") << QStringLiteral("core/data/Table.h:2: core/data includes core/ml/Model.h");
        QTest::newRow("cycles") << QStringLiteral("cycles") << QStringLiteral("core/ml -> core/data (core/ml/Model.h:3)");
        QTest::newRow("sql") << QStringLiteral("sql") << QStringLiteral("ui/home/Home.cpp:1: the studio includes QSqlQuery");
        QTest::newRow("sql-helper") << QStringLiteral("sql") << QStringLiteral("ui/home/Home.cpp:2: the studio includes core/workspace/Sql.h");
        QTest::newRow("heavy") << QStringLiteral("heavy") << QStringLiteral("core/ml/Model.h:2: a header includes <dlib/matrix.h>");
        QTest::newRow("loose") << QStringLiteral("loose") << QStringLiteral("ui/Loose.cpp: loose at the root of ui/");
        // Includes the compiler resolves although they do not name their folder from the root.
        QTest::newRow("angled") << QStringLiteral("layers") << QStringLiteral("core/data/csv/Sniffer.cpp:1: core/data includes core/ml/Model.h");
        QTest::newRow("angled path") << QStringLiteral("paths") << QStringLiteral("core/data/csv/Sniffer.cpp:1: #include <ml/Model.h>");
        QTest::newRow("dot-dot") << QStringLiteral("layers") << QStringLiteral("core/registry/Runs.cpp:1: core/registry includes core/ml/Model.h");
        QTest::newRow("dot-dot path") << QStringLiteral("paths") << QStringLiteral("core/registry/Runs.cpp:1: #include \"../ml/Model.h\"");
        QTest::newRow("no space") << QStringLiteral("layers") << QStringLiteral("core/workspace/Names.cpp:1: core/workspace includes core/registry/Runs.h");
        QTest::newRow("beside the file") << QStringLiteral("cycles") << QStringLiteral("core/data -> core/data/csv (core/data/Type.cpp:1)");
        QTest::newRow("beside the file path") << QStringLiteral("paths") << QStringLiteral("core/data/Type.cpp:1: #include \"csv/Dialect.h\"");
    }

    void brokenTreeIsCaught()
    {
        QFETCH(QString, check);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        write(dir.path(), QStringLiteral("core/ml/Model.h"), "#pragma once\n#include <dlib/matrix.h>\n#include \"data/Table.h\"\n");
        write(dir.path(), QStringLiteral("core/data/Table.h"), "#pragma once\n#include \"ml/Model.h\"\n");
        write(dir.path(), QStringLiteral("core/workspace/Sql.h"), "#pragma once\n");
        write(dir.path(), QStringLiteral("ui/home/Home.cpp"), "#include <QSqlQuery>\n#include \"workspace/Sql.h\"\n");
        write(dir.path(), QStringLiteral("ui/Loose.cpp"), "\n");
        write(dir.path(), QStringLiteral("core/data/csv/Sniffer.cpp"), "#include <ml/Model.h>\n");
        write(dir.path(), QStringLiteral("core/data/csv/Dialect.h"), "#pragma once\n#include \"data/Type.h\"\n");
        write(dir.path(), QStringLiteral("core/data/Type.h"), "#pragma once\n");
        write(dir.path(), QStringLiteral("core/data/Type.cpp"), "#include \"csv/Dialect.h\"\n");
        write(dir.path(), QStringLiteral("core/registry/Runs.h"), "#pragma once\n");
        write(dir.path(), QStringLiteral("core/registry/Runs.cpp"), "#include \"../ml/Model.h\"\n");
        write(dir.path(), QStringLiteral("core/workspace/Names.cpp"), "#include\"registry/Runs.h\"\n");
        const QStringList found = checks().value(check)(dir.path());
        QVERIFY2(std::any_of(found.begin(), found.end(), [&](const QString &f) { return f.contains(expected); }),
                 qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(expected, found.join(QLatin1Char('\n')))));
    }
};

QTEST_MAIN(TestLayering)
#include "tst_layering.moc"
