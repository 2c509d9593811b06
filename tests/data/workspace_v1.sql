-- A workspace as Stratus schema version 1 wrote it (frozen: never edit).
-- tst_workspace builds a file from it and checks that opening migrates it.
CREATE TABLE datasets ( id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, created_at TEXT NOT NULL);
CREATE TABLE dataset_versions ( id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, version INTEGER NOT NULL CHECK (version >= 1), description TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '{}', source_path TEXT NOT NULL DEFAULT '', dialect TEXT NOT NULL DEFAULT '{}', content_hash TEXT NOT NULL, row_count INTEGER NOT NULL, column_count INTEGER NOT NULL, chunk_rows INTEGER NOT NULL, created_at TEXT NOT NULL, UNIQUE (dataset_id, version));
CREATE INDEX dataset_versions_hash ON dataset_versions(content_hash);
CREATE TABLE dataset_columns ( version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN  ('integer','decimal','boolean','categorical','text','datetime')), profile TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (version_id, position));
CREATE TABLE dataset_chunks ( id INTEGER PRIMARY KEY, version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE, column_position INTEGER NOT NULL, chunk_index INTEGER NOT NULL, data BLOB NOT NULL, UNIQUE (version_id, column_position, chunk_index));
CREATE TABLE compute_profiles ( id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, max_concurrent INTEGER NOT NULL CHECK (max_concurrent >= 1), threads_per_trial INTEGER NOT NULL CHECK (threads_per_trial >= 1), memory_mb INTEGER NOT NULL CHECK (memory_mb >= 0), priority TEXT NOT NULL CHECK (priority IN ('normal','low')), description TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
CREATE TABLE experiments ( id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, created_at TEXT NOT NULL);
INSERT INTO datasets (id, name, created_at) VALUES (1, 'legacy', '2026-01-05T10:00:00.000Z');
INSERT INTO dataset_versions (id, dataset_id, version, description, tags, source_path, dialect, content_hash, row_count, column_count, chunk_rows, created_at) VALUES (1, 1, 1, 'made by schema 1', '{"team":"a"}', '/tmp/legacy.csv', '{"delimiter":",","header":true}', 'abc', 2, 1, 8192, '2026-01-05T10:00:00.000Z');
INSERT INTO dataset_columns (version_id, position, name, type, profile) VALUES (1, 0, 'x', 'integer', '{"count":2}');
INSERT INTO dataset_chunks (version_id, column_position, chunk_index, data) VALUES (1, 0, 0, X'000000000000F03F0000000000000040');
INSERT INTO compute_profiles (name, max_concurrent, threads_per_trial, memory_mb, priority, description, created_at) VALUES ('local', 4, 1, 0, 'normal', '', '2026-01-05T10:00:00.000Z');
INSERT INTO experiments (name, created_at) VALUES ('legacy-exp', '2026-01-05T10:00:00.000Z');
PRAGMA user_version = 1;
PRAGMA application_id = 1398035009;
