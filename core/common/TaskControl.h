#pragma once
// TaskControl: how a long operation reports progress and learns that the
// user canceled it. Either part may be empty. Thread-safe to read.

#include <atomic>
#include <functional>

namespace stratus {

struct TaskControl {
    // fraction in [0, 1]; called from the working thread, not too often.
    std::function<void(double fraction)> progress;
    const std::atomic<bool> *cancel = nullptr;

    bool canceled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(double fraction) const
    {
        if (progress)
            progress(fraction);
    }
};

} // namespace stratus
