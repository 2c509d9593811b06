#pragma once
// Small helpers over QtSql: run a statement and turn a failure into an Error
// naming what was being done, and a write transaction that begins with
// BEGIN IMMEDIATE (so a writer waits on the busy timeout instead of failing
// with "database is locked" when it upgrades) and rolls back unless committed.

#include "common/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace stratus::sql {

Error error(const QSqlQuery &query, const QString &context);
Error error(const QSqlDatabase &db, const QString &context);

// The current time as stored in the workspace (UTC, ISO 8601 with ms).
QString now();
// A stored time read back (invalid when empty).
QDateTime timestamp(const QVariant &stored);

// Prepares and executes `statement` with positional `bindings`.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &statement, const QVariantList &bindings = {});

class WriteTransaction {
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace stratus::sql
