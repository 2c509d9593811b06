#pragma once
// QDataStream operators for std::vector of numbers, for serialized models. A
// stored length larger than the bytes left marks the stream as corrupt
// instead of allocating it.

#include <QDataStream>
#include <QIODevice>
#include <vector>

namespace stratus::ml {

template <typename T>
QDataStream &operator<<(QDataStream &out, const std::vector<T> &values)
{
    out << quint64(values.size());
    for (const T &v : values)
        out << v;
    return out;
}

template <typename T>
QDataStream &operator>>(QDataStream &in, std::vector<T> &values)
{
    quint64 size = 0;
    in >> size;
    const qint64 left = in.device() ? in.device()->bytesAvailable() : 0;
    if (in.status() != QDataStream::Ok || size > quint64(left) / sizeof(T)) {
        in.setStatus(QDataStream::ReadCorruptData);
        values.clear();
        return in;
    }
    values.resize(size_t(size));
    for (T &v : values)
        in >> v;
    return in;
}

} // namespace stratus::ml
