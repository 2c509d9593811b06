#pragma once
// DebugLog: the log of an AutoML run — one timestamped line per event
// (trial queued, started, finished, failed, the search's choices). Lines are
// kept for the parent run's "log" artifact and, when a file was given,
// appended to it as they come. Safe to use from several threads.

#include <QFile>
#include <QMutex>
#include <QStringList>

namespace stratus::ml {

class DebugLog {
public:
    // An empty path keeps the lines in memory only. Returns an error message
    // when the file cannot be opened for appending.
    QString open(const QString &path);
    void write(const QString &line);
    QByteArray text() const;

private:
    mutable QMutex m_mutex;
    QFile m_file;
    QStringList m_lines;
};

} // namespace stratus::ml
