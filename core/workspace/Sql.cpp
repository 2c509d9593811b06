#include "workspace/Sql.h"

#include <QSqlError>

namespace stratus::sql {

namespace {
QString describe(const QSqlError &e)
{
    QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    if (text.contains(QLatin1String("database is locked")))
        text += QStringLiteral(" (another program kept the workspace busy for too long)");
    return text;
}
} // namespace

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timestamp(const QVariant &stored)
{
    return QDateTime::fromString(stored.toString(), Qt::ISODateWithMs);
}

Error error(const QSqlQuery &query, const QString &context)
{
    return Error{QStringLiteral("%1: %2").arg(context, describe(query.lastError()))};
}

Error error(const QSqlDatabase &db, const QString &context)
{
    return Error{QStringLiteral("%1: %2").arg(context, describe(db.lastError()))};
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &statement, const QVariantList &bindings)
{
    QSqlQuery query(db);
    if (!query.prepare(statement))
        return error(query, QStringLiteral("SQL error"));
    for (const QVariant &value : bindings) {
        // A null QString means "no text" here, not SQL NULL (pass QVariant() for that).
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return error(query, QStringLiteral("SQL error"));
    return query;
}

WriteTransaction::WriteTransaction(QSqlDatabase db) : m_db(std::move(db)) {}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Status WriteTransaction::begin()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return error(query, QStringLiteral("Cannot start a write transaction"));
    m_active = true;
    return {};
}

Status WriteTransaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        Error e = error(query, QStringLiteral("Cannot commit"));
        rollback();
        return e;
    }
    m_active = false;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace stratus::sql
