#include "data/TableFile.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QFile>
#include <QSaveFile>

namespace stratus::tablefile {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::tablefile)
};

constexpr quint32 kMagic = 0x53545442; // "STTB"
constexpr quint32 kVersion = 1;

template <typename T>
void writeVector(QDataStream &out, const std::vector<T> &values)
{
    out << quint64(values.size());
    out.writeRawData(reinterpret_cast<const char *>(values.data()), int(values.size() * sizeof(T)));
}

template <typename T>
bool readVector(QDataStream &in, std::vector<T> &values)
{
    quint64 n = 0;
    in >> n;
    if (in.status() != QDataStream::Ok || n > (quint64(1) << 40) / sizeof(T))
        return false;
    values.resize(size_t(n));
    const qint64 bytes = qint64(n * sizeof(T));
    return bytes == 0 || in.readRawData(reinterpret_cast<char *>(values.data()), int(bytes)) == bytes;
}

} // namespace

Status write(const DataTable &table, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_0);
    out.setByteOrder(QDataStream::LittleEndian);
    out << kMagic << kVersion << quint64(table.rowCount) << quint32(table.columns.size()) << qint64(table.firstLine);
    for (const DataColumn &c : table.columns) {
        out << c.name << qint32(c.type) << c.spelling.falseText << c.spelling.trueText;
        writeVector(out, c.numbers);
        writeVector(out, c.integers);
        writeVector(out, c.codes);
        out << quint64(c.dictionary.size());
        for (const std::string &v : c.dictionary)
            out << QByteArray::fromRawData(v.data(), qsizetype(v.size()));
    }
    if (out.status() != QDataStream::Ok || !file.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Result<DataTable> read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read %1: %2").arg(path, file.errorString())};
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_0);
    in.setByteOrder(QDataStream::LittleEndian);
    quint32 magic = 0, version = 0, columns = 0;
    quint64 rows = 0;
    qint64 firstLine = 0;
    in >> magic >> version;
    if (magic != kMagic)
        return Error{Tr::tr("%1 is not a Stratus table file.").arg(path)};
    if (version != kVersion)
        return Error{Tr::tr("%1 is a table file of version %2; this stratus-cli reads version %3 (install the same "
                            "Stratus on the nodes as on the coordinating machine).")
                         .arg(path)
                         .arg(version)
                         .arg(kVersion)};
    in >> rows >> columns >> firstLine;
    DataTable table;
    table.rowCount = size_t(rows);
    table.firstLine = firstLine;
    for (quint32 i = 0; i < columns && in.status() == QDataStream::Ok; ++i) {
        DataColumn c;
        qint32 type = 0;
        in >> c.name >> type >> c.spelling.falseText >> c.spelling.trueText;
        c.type = ColumnType(type);
        quint64 words = 0;
        if (!readVector(in, c.numbers) || !readVector(in, c.integers) || !readVector(in, c.codes))
            break;
        in >> words;
        if (in.status() != QDataStream::Ok || words > rows + 1)
            break;
        c.dictionary.reserve(size_t(words));
        for (quint64 w = 0; w < words && in.status() == QDataStream::Ok; ++w) {
            QByteArray bytes;
            in >> bytes;
            c.dictionary.emplace_back(bytes.constData(), size_t(bytes.size()));
        }
        if (c.size() != table.rowCount)
            return Error{Tr::tr("%1 is damaged: column '%2' has %3 values, %4 expected.").arg(path, c.name).arg(c.size()).arg(rows)};
        table.columns.push_back(std::move(c));
    }
    if (in.status() != QDataStream::Ok || table.columns.size() != columns)
        return Error{Tr::tr("%1 is truncated or damaged.").arg(path)};
    return table;
}

} // namespace stratus::tablefile
