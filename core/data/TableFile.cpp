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
constexpr qint64 kPiece = qint64(1) << 28; // QDataStream's raw reads and writes take an int: 256 MB at a time

template <typename T>
bool writeVector(QDataStream &out, const std::vector<T> &values)
{
    out << quint64(values.size());
    const char *data = reinterpret_cast<const char *>(values.data());
    const qint64 bytes = qint64(values.size() * sizeof(T));
    for (qint64 done = 0; done < bytes; done += kPiece) {
        const int piece = int(std::min(kPiece, bytes - done));
        if (out.writeRawData(data + done, piece) != piece)
            return false;
    }
    return true;
}

// `left`: the bytes the file still holds, so that a damaged count fails
// instead of asking for terabytes.
template <typename T>
bool readVector(QDataStream &in, std::vector<T> &values, qint64 left)
{
    quint64 n = 0;
    in >> n;
    if (in.status() != QDataStream::Ok || n > quint64(left) / sizeof(T))
        return false;
    values.resize(size_t(n));
    char *data = reinterpret_cast<char *>(values.data());
    const qint64 bytes = qint64(n * sizeof(T));
    for (qint64 done = 0; done < bytes; done += kPiece) {
        const int piece = int(std::min(kPiece, bytes - done));
        if (in.readRawData(data + done, piece) != piece)
            return false;
    }
    return true;
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
    out << kMagic << quint32(kVersion) << quint64(table.rowCount) << quint32(table.columns.size()) << qint64(table.firstLine)
        << quint64(table.rowOffset);
    bool ok = writeVector(out, table.sourceLines);
    for (const DataColumn &c : table.columns) {
        out << c.name << qint32(c.type) << c.spelling.falseText << c.spelling.trueText;
        ok = ok && writeVector(out, c.numbers) && writeVector(out, c.integers) && writeVector(out, c.codes);
        out << quint64(c.dictionary.size());
        for (const std::string &v : c.dictionary)
            out << QByteArray::fromRawData(v.data(), qsizetype(v.size()));
    }
    if (!ok || out.status() != QDataStream::Ok || !file.commit())
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
    quint64 rows = 0, rowOffset = 0;
    qint64 firstLine = 0;
    in >> magic >> version;
    if (magic != kMagic)
        return Error{Tr::tr("%1 is not a Stratus table file.").arg(path)};
    if (version != quint32(kVersion))
        return Error{Tr::tr("%1 is a table file of version %2; this stratus-cli reads version %3 (install the same "
                            "Stratus on the nodes as on the coordinating machine).")
                         .arg(path)
                         .arg(version)
                         .arg(kVersion)};
    in >> rows >> columns >> firstLine >> rowOffset;
    const auto left = [&file] { return file.size() - file.pos(); };
    DataTable table;
    table.rowCount = size_t(rows);
    table.firstLine = firstLine;
    table.rowOffset = size_t(rowOffset);
    if (!readVector(in, table.sourceLines, left()) || columns > quint64(left()))
        return Error{Tr::tr("%1 is truncated or damaged.").arg(path)};
    for (quint32 i = 0; i < columns && in.status() == QDataStream::Ok; ++i) {
        DataColumn c;
        qint32 type = 0;
        in >> c.name >> type >> c.spelling.falseText >> c.spelling.trueText;
        c.type = ColumnType(type);
        quint64 words = 0;
        if (!readVector(in, c.numbers, left()) || !readVector(in, c.integers, left()) || !readVector(in, c.codes, left()))
            break;
        in >> words;
        // A slice keeps its column's whole dictionary: the count is bounded by the file, not the rows.
        if (in.status() != QDataStream::Ok || words > quint64(left()) / 4)
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
