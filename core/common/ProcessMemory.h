#pragma once
// The resident memory of a process (Linux: VmRSS in /proc/PID/status), in
// megabytes; 0 when it cannot be read. pid 0: this process.

#include <QtGlobal>

namespace stratus {

double residentMegabytes(qint64 pid = 0);

} // namespace stratus
