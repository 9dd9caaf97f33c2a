#pragma once

// Destroys objects on a thread of its own. A decoded API object is a tree of hundreds of
// allocations; when a watch cache replaces the last reference to an old version, freeing that
// tree on the simulation thread cost about 6 % of a 5,000-node run (docs/cluster-benchmarks.md).
// The simulation hands such objects here instead and goes on; a second core frees them.
//
// Only what nobody else can reach may be handed over: an object whose last strong reference
// is given, with no weak reference that could revive it, and no destructor with effects the
// simulation sees. Destruction order does not matter then, so results stay deterministic.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace quorum::cluster {

class Reclaimer {
public:
    /// Objects are handed to the thread in batches of this many.
    static constexpr std::size_t kBatch = 256;
    /// Batches waiting beyond this are not queued: drop() then destroys at once, so a thread
    /// that cannot keep up slows the caller down instead of holding memory.
    static constexpr std::size_t kMaxWaiting = 64;

    Reclaimer();
    /// Destroys everything still held, then ends the thread.
    ~Reclaimer();
    Reclaimer(const Reclaimer &) = delete;
    Reclaimer &operator=(const Reclaimer &) = delete;

    /// Takes one reference; the object dies on the reclaimer's thread when that is the last
    /// one. Called from one thread at a time (the simulation's).
    void drop(std::shared_ptr<const void> object);
    /// Returns once everything dropped so far has been released.
    void flush();

    struct Stats {
        std::uint64_t released = 0; ///< references released on the reclaimer's thread
        std::uint64_t atOnce = 0;   ///< destroyed by drop() itself (the thread was behind)
        double cpuSeconds = 0;      ///< CPU time the reclaimer's thread spent releasing
    };
    Stats stats() const;

private:
    void handOver();
    void run();

    std::vector<std::shared_ptr<const void>> m_batch; // the caller's, not yet handed over
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // work or stop for the thread
    std::condition_variable m_done; // a batch was released (for flush)
    std::vector<std::vector<std::shared_ptr<const void>>> m_waiting;
    bool m_busy = false;
    bool m_stop = false;
    Stats m_stats;
    std::thread m_thread; // last: started when the rest exists
};

} // namespace quorum::cluster
