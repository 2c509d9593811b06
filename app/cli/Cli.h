#pragma once
// stratus-cli: the headless interface to a workspace. Its commands, flags and
// --json output are a public interface that scripts depend on.
//
//   stratus-cli [--workspace PATH] GROUP COMMAND [ARGS] [--json]
//
// Exit codes: 0 success, 1 the operation failed, 2 the command line is wrong.

#include <QStringList>

namespace stratus::cli {

int run(const QStringList &arguments);

} // namespace stratus::cli
