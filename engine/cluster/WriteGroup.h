#pragma once

// Internal to engine/cluster: how a reconcile knows that every write it started has completed.
// The group starts with one hold, the reconcile's own; each write adds one and releases it when
// its answer arrives; `done` runs when the last hold goes (the reconcile calls release() after
// starting its writes).
//
// Thread rules: one thread (the simulation's).

#include "engine/cluster/Component.h"

#include <functional>
#include <memory>

namespace quorum::cluster {

class WriteGroup {
public:
    static std::shared_ptr<WriteGroup> make(std::function<void()> done)
    {
        return std::make_shared<WriteGroup>(std::move(done));
    }
    /// A callback for one write of `group`: runs `inner` (if any), then releases the write.
    static ApiCallback add(const std::shared_ptr<WriteGroup> &group, ApiCallback inner = {})
    {
        ++group->m_holds;
        return [group, inner = std::move(inner)](const ApiResult &r) {
            if (inner)
                inner(r);
            group->release();
        };
    }

    explicit WriteGroup(std::function<void()> done)
        : m_done(std::move(done))
    {
    }
    /// Releases one hold; the last one runs `done`.
    void release()
    {
        if (--m_holds == 0 && m_done) {
            auto done = std::move(m_done);
            m_done = nullptr;
            done();
        }
    }

private:
    int m_holds = 1; // the reconcile's own
    std::function<void()> m_done;
};

} // namespace quorum::cluster
