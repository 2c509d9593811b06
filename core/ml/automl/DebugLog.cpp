#include "ml/automl/DebugLog.h"

#include <QDateTime>

namespace stratus::ml {

QString DebugLog::open(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (path.isEmpty())
        return {};
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return QStringLiteral("%1: cannot open the debug log for writing (%2)").arg(path, m_file.errorString());
    return {};
}

void DebugLog::write(const QString &line)
{
    const QString stamped = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + line;
    QMutexLocker lock(&m_mutex);
    m_lines << stamped;
    if (m_file.isOpen()) {
        m_file.write(stamped.toUtf8() + '\n');
        m_file.flush();
    }
}

QByteArray DebugLog::text() const
{
    QMutexLocker lock(&m_mutex);
    return m_lines.join(QLatin1Char('\n')).toUtf8() + '\n';
}

} // namespace stratus::ml
