#pragma once
// Where a workspace is, when the user did not say: like Azure's
// Workspace.from_config(), a stratus.json in the current folder or one of its
// parents names it ({"workspace": "path/to/file.stratus"}, relative to the
// stratus.json); else the STRATUS_WORKSPACE environment variable; else the
// default workspace in the user's data folder.

#include "common/Result.h"

namespace stratus {

// <data folder>/stratus/default.stratus (its folder is created).
QString defaultWorkspacePath();

// explicitPath wins when not empty. `configured`, when given, tells whether a
// stratus.json or the environment chose the workspace.
Result<QString> locateWorkspace(const QString &explicitPath, const QString &startFolder, bool useConfig,
                                QString *source = nullptr);

} // namespace stratus
