#include "workspace/Schema.h"

#include "workspace/Sql.h"

#include <QSqlQuery>
#include <QStringList>
#include <map>
#include <vector>

namespace stratus::schema {

namespace {

// Each entry is one schema version; never edit a released entry, add one.
const std::vector<std::vector<const char *>> &steps()
{
    static const std::vector<std::vector<const char *>> all = {
        // 1: datasets, compute profiles, experiments
        {
            "CREATE TABLE datasets ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " created_at TEXT NOT NULL)",
            "CREATE TABLE dataset_versions ("
            " id INTEGER PRIMARY KEY,"
            " dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
            " version INTEGER NOT NULL CHECK (version >= 1),"
            " description TEXT NOT NULL DEFAULT '',"
            " tags TEXT NOT NULL DEFAULT '{}',"
            " source_path TEXT NOT NULL DEFAULT '',"
            " dialect TEXT NOT NULL DEFAULT '{}',"
            " content_hash TEXT NOT NULL,"
            " row_count INTEGER NOT NULL,"
            " column_count INTEGER NOT NULL,"
            " chunk_rows INTEGER NOT NULL,"
            " created_at TEXT NOT NULL,"
            " UNIQUE (dataset_id, version))",
            "CREATE INDEX dataset_versions_hash ON dataset_versions(content_hash)",
            "CREATE TABLE dataset_columns ("
            " version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " name TEXT NOT NULL,"
            " type TEXT NOT NULL CHECK (type IN"
            "  ('integer','decimal','boolean','categorical','text','datetime')),"
            " profile TEXT NOT NULL DEFAULT '{}',"
            " PRIMARY KEY (version_id, position))",
            "CREATE TABLE dataset_chunks ("
            " id INTEGER PRIMARY KEY,"
            " version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,"
            " column_position INTEGER NOT NULL,"
            " chunk_index INTEGER NOT NULL,"
            " data BLOB NOT NULL,"
            " UNIQUE (version_id, column_position, chunk_index))",
            "CREATE TABLE compute_profiles ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " max_concurrent INTEGER NOT NULL CHECK (max_concurrent >= 1),"
            " threads_per_trial INTEGER NOT NULL CHECK (threads_per_trial >= 1),"
            " memory_mb INTEGER NOT NULL CHECK (memory_mb >= 0),"
            " priority TEXT NOT NULL CHECK (priority IN ('normal','low')),"
            " description TEXT NOT NULL DEFAULT '',"
            " created_at TEXT NOT NULL)",
            "CREATE TABLE experiments ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " created_at TEXT NOT NULL)",
        },
        // 2: runs, models, endpoints
        {
            "ALTER TABLE experiments ADD COLUMN description TEXT NOT NULL DEFAULT ''",
            "CREATE TABLE runs ("
            " id TEXT PRIMARY KEY,"
            " experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,"
            " parent_id TEXT REFERENCES runs(id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL DEFAULT 'automl',"
            " status TEXT NOT NULL DEFAULT 'NotStarted' CHECK (status IN"
            "  ('NotStarted','Queued','Running','Finalizing','Completed','Failed','Canceled')),"
            " compute_profile_id INTEGER REFERENCES compute_profiles(id) ON DELETE SET NULL,"
            " dataset_version_id INTEGER REFERENCES dataset_versions(id) ON DELETE SET NULL,"
            " algorithm TEXT NOT NULL DEFAULT '',"
            " config TEXT NOT NULL DEFAULT '{}',"
            " error TEXT NOT NULL DEFAULT '',"
            " created_at TEXT NOT NULL,"
            " started_at TEXT,"
            " ended_at TEXT)",
            "CREATE INDEX runs_experiment ON runs(experiment_id)",
            "CREATE INDEX runs_parent ON runs(parent_id)",
            "CREATE TABLE run_metrics ("
            " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " value REAL,"
            " PRIMARY KEY (run_id, name))",
            "CREATE TABLE run_artifacts ("
            " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " media_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
            " data BLOB NOT NULL,"
            " PRIMARY KEY (run_id, name))",
            "CREATE TABLE models ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " created_at TEXT NOT NULL)",
            "CREATE TABLE model_versions ("
            " id INTEGER PRIMARY KEY,"
            " model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
            " version INTEGER NOT NULL CHECK (version >= 1),"
            " run_id TEXT REFERENCES runs(id) ON DELETE SET NULL,"
            " description TEXT NOT NULL DEFAULT '',"
            " tags TEXT NOT NULL DEFAULT '{}',"
            " properties TEXT NOT NULL DEFAULT '{}',"
            " artifact BLOB,"
            " created_at TEXT NOT NULL,"
            " UNIQUE (model_id, version))",
            "CREATE TABLE endpoints ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " model_version_id INTEGER REFERENCES model_versions(id) ON DELETE RESTRICT,"
            " description TEXT NOT NULL DEFAULT '',"
            " tags TEXT NOT NULL DEFAULT '{}',"
            " host TEXT NOT NULL DEFAULT '127.0.0.1',"
            " port INTEGER NOT NULL DEFAULT 0,"
            " auth_mode TEXT NOT NULL DEFAULT 'key' CHECK (auth_mode IN ('key','none')),"
            " primary_key TEXT NOT NULL DEFAULT '',"
            " secondary_key TEXT NOT NULL DEFAULT '',"
            " settings TEXT NOT NULL DEFAULT '{}',"
            " desired_state TEXT NOT NULL DEFAULT 'stopped',"
            " state TEXT NOT NULL DEFAULT 'Stopped',"
            " state_reason TEXT NOT NULL DEFAULT '',"
            " created_at TEXT NOT NULL)",
        },
        // 3: which process runs a run, and when it last said so (crash recovery)
        {
            "ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE runs ADD COLUMN heartbeat_at TEXT",
            "CREATE INDEX runs_status ON runs(status)",
        },
        // 4: a column's format beside its type: how its chunks are encoded
        // (exact 64-bit integers) and a boolean's own spellings
        {
            "ALTER TABLE dataset_columns ADD COLUMN format TEXT NOT NULL DEFAULT '{}'",
        },
        // 5: pipelines (versioned definitions) and the outputs of their steps by content hash (reuse)
        {
            "CREATE TABLE pipelines ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " created_at TEXT NOT NULL)",
            "CREATE TABLE pipeline_versions ("
            " id INTEGER PRIMARY KEY,"
            " pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,"
            " version INTEGER NOT NULL CHECK (version >= 1),"
            " description TEXT NOT NULL DEFAULT '',"
            " definition TEXT NOT NULL,"
            " created_at TEXT NOT NULL,"
            " UNIQUE (pipeline_id, version))",
            "CREATE TABLE pipeline_step_outputs ("
            " hash TEXT PRIMARY KEY,"
            " run_id TEXT NOT NULL,"
            " outputs TEXT NOT NULL,"
            " created_at TEXT NOT NULL)",
        },
        // 6: what starts pipeline runs (schedules, new dataset versions, a folder's new files, a
        // published REST trigger), and which process runs the scheduler
        {
            "CREATE TABLE pipeline_triggers ("
            " id INTEGER PRIMARY KEY,"
            " pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL CHECK (kind IN ('schedule','dataset','folder','published')),"
            " settings TEXT NOT NULL DEFAULT '{}',"
            " state TEXT NOT NULL DEFAULT '{}',"
            " created_at TEXT NOT NULL)",
            "CREATE TABLE scheduler_lease ("
            " id INTEGER PRIMARY KEY CHECK (id = 1),"
            " owner TEXT NOT NULL,"
            " heartbeat_at TEXT NOT NULL)",
        },
        // 7: the folder a pipeline file was created from (its relative paths are read from there)
        {
            "ALTER TABLE pipeline_versions ADD COLUMN base_folder TEXT NOT NULL DEFAULT ''",
        },
        // 8: compute profiles that are Slurm partitions (their settings as JSON: partition, time limit, ...)
        {
            "ALTER TABLE compute_profiles ADD COLUMN kind TEXT NOT NULL DEFAULT 'local' CHECK (kind IN ('local','slurm'))",
            "ALTER TABLE compute_profiles ADD COLUMN slurm TEXT NOT NULL DEFAULT '{}'",
        },
    };
    return all;
}

// The tables and columns the latest schema must have.
const std::map<QString, QStringList> &expectedTables()
{
    static const std::map<QString, QStringList> tables = {
        {QStringLiteral("datasets"), {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("created_at")}},
        {QStringLiteral("dataset_versions"),
         {QStringLiteral("id"), QStringLiteral("dataset_id"), QStringLiteral("version"),
          QStringLiteral("description"), QStringLiteral("tags"), QStringLiteral("source_path"),
          QStringLiteral("dialect"), QStringLiteral("content_hash"), QStringLiteral("row_count"),
          QStringLiteral("column_count"), QStringLiteral("chunk_rows"), QStringLiteral("created_at")}},
        {QStringLiteral("dataset_columns"),
         {QStringLiteral("version_id"), QStringLiteral("position"), QStringLiteral("name"), QStringLiteral("type"),
          QStringLiteral("profile"), QStringLiteral("format")}},
        {QStringLiteral("dataset_chunks"),
         {QStringLiteral("version_id"), QStringLiteral("column_position"), QStringLiteral("chunk_index"),
          QStringLiteral("data")}},
        {QStringLiteral("compute_profiles"),
         {QStringLiteral("name"), QStringLiteral("max_concurrent"), QStringLiteral("threads_per_trial"),
          QStringLiteral("memory_mb"), QStringLiteral("priority"), QStringLiteral("description"),
          QStringLiteral("kind"), QStringLiteral("slurm")}},
        {QStringLiteral("experiments"),
         {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("description"),
          QStringLiteral("created_at")}},
        {QStringLiteral("runs"),
         {QStringLiteral("id"), QStringLiteral("experiment_id"), QStringLiteral("parent_id"),
          QStringLiteral("status"), QStringLiteral("config"), QStringLiteral("started_at"),
          QStringLiteral("ended_at"), QStringLiteral("owner"), QStringLiteral("heartbeat_at")}},
        {QStringLiteral("run_metrics"), {QStringLiteral("run_id"), QStringLiteral("name"), QStringLiteral("value")}},
        {QStringLiteral("run_artifacts"), {QStringLiteral("run_id"), QStringLiteral("name"), QStringLiteral("data")}},
        {QStringLiteral("models"), {QStringLiteral("id"), QStringLiteral("name")}},
        {QStringLiteral("model_versions"),
         {QStringLiteral("model_id"), QStringLiteral("version"), QStringLiteral("run_id"), QStringLiteral("tags")}},
        {QStringLiteral("pipelines"), {QStringLiteral("id"), QStringLiteral("name")}},
        {QStringLiteral("pipeline_versions"),
         {QStringLiteral("pipeline_id"), QStringLiteral("version"), QStringLiteral("definition"), QStringLiteral("base_folder")}},
        {QStringLiteral("pipeline_triggers"), {QStringLiteral("pipeline_id"), QStringLiteral("kind"), QStringLiteral("settings"), QStringLiteral("state")}},
        {QStringLiteral("scheduler_lease"), {QStringLiteral("owner"), QStringLiteral("heartbeat_at")}},
        {QStringLiteral("pipeline_step_outputs"), {QStringLiteral("hash"), QStringLiteral("run_id"), QStringLiteral("outputs")}},
        {QStringLiteral("endpoints"),
         {QStringLiteral("name"), QStringLiteral("model_version_id"), QStringLiteral("port"),
          QStringLiteral("state")}},
    };
    return tables;
}

} // namespace

Status migrate(const QSqlDatabase &db, int from, int to)
{
    for (int version = from + 1; version <= to; ++version) {
        for (const char *statement : steps()[size_t(version - 1)]) {
            QSqlQuery query(db);
            if (!query.exec(QString::fromLatin1(statement)))
                return sql::error(query, QStringLiteral("Migration to schema version %1 failed").arg(version));
        }
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(to))
        || !query.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)))
        return sql::error(query, QStringLiteral("Cannot record the schema version"));
    return {};
}

Status check(const QSqlDatabase &db)
{
    for (const auto &[table, columns] : expectedTables()) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
            return sql::error(query, QStringLiteral("Schema check failed"));
        QStringList present;
        while (query.next())
            present << query.value(1).toString();
        if (present.isEmpty())
            return Error{QStringLiteral("Schema check failed: table '%1' is missing").arg(table)};
        for (const QString &column : columns) {
            if (!present.contains(column))
                return Error{QStringLiteral("Schema check failed: column '%1.%2' is missing").arg(table, column)};
        }
    }
    QSqlQuery fk(db);
    if (!fk.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return sql::error(fk, QStringLiteral("Schema check failed"));
    if (fk.next())
        return Error{QStringLiteral("Schema check failed: a row of '%1' refers to a missing row of '%2'")
                         .arg(fk.value(0).toString(), fk.value(2).toString())};
    return {};
}

} // namespace stratus::schema
