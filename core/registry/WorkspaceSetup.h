#pragma once
// Opening a workspace as the studio, the CLI and the tests do: the file is
// opened, checked and migrated (Workspace::open), and the layers above the
// workspace add what belongs to them — a new file gets the `local` compute
// profile (in the transaction that creates it) and, unless told otherwise,
// the synthetic sample dataset; runs left unfinished by a process that died
// are marked Failed ("interrupted"). It lives in the registry because it
// reaches the registry's stores and the data layer's sample; the workspace
// below knows neither.

#include "common/Result.h"

#include <memory>

namespace stratus {

class Workspace;

struct OpenOptions {
    // Create the file when it does not exist.
    bool create = true;
    // When the file is created, also register the synthetic sample dataset.
    bool seedSample = true;
};

// ensures: as Workspace::open; on success, also the above. On failure the
//          message names the file and what went wrong.
Result<std::unique_ptr<Workspace>> openWorkspace(const QString &path, const OpenOptions &options = {});

} // namespace stratus
