#pragma once

// Runs jobs on a thread of its own, one at a time, in the order they were submitted. The
// simulation hands it the store side of applying a Ready's committed entries when that Ready
// waits for a simulated fsync first: the members' stores then apply on a second core while the
// simulation goes on, and the simulation settles (waits for every job to have run) before it
// touches any member's store again. So a store is only ever used by one thread at a time, and
// what it does does not depend on timing: results stay deterministic.
//
// Handing over and settling are meant to be cheap at tens of thousands of jobs a second: the
// thread spins a little before it sleeps. A caller that waits for a job the thread has not
// taken yet (asleep, or without a core while other processes run) runs it itself, so a busy
// machine slows the simulation down no more than it would without the thread.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace quorum::sim {

class ApplyWorker {
public:
    ApplyWorker();
    /// Runs what is queued, then ends the thread.
    ~ApplyWorker();
    ApplyWorker(const ApplyWorker &) = delete;
    ApplyWorker &operator=(const ApplyWorker &) = delete;

    /// Queues `job` (called from one thread: the simulation's); returns its number (1, 2, ...).
    std::uint64_t submit(std::function<void()> job);
    /// Returns once job `number` and those before it have run; their effects are then visible.
    void waitFor(std::uint64_t number);
    /// The same for every job submitted so far.
    void settle() { waitFor(m_submitted); }
    /// Whether every job submitted so far has run.
    bool idle() const { return done(m_submitted); }
    /// Whether job `number` has run.
    bool done(std::uint64_t number) const { return m_done.load(std::memory_order_acquire) >= number; }

    struct Stats {
        std::uint64_t jobs = 0;     ///< jobs run
        std::uint64_t waited = 0;   ///< waits that found their job still running or queued
        std::uint64_t ranHere = 0;  ///< jobs a waiting caller ran itself (the thread had not taken them)
        double cpuSeconds = 0;      ///< CPU time of the thread, spinning included
    };
    /// Settles first.
    Stats stats();

private:
    void run();
    /// Runs the first queued job (m_mutex held on entry and on return).
    void runFront(std::unique_lock<std::mutex> &lock);

    std::uint64_t m_submitted = 0; // the caller's count
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_queued{0}; // jobs pushed, seen by the spinning thread
    std::mutex m_mutex;
    std::condition_variable m_wake;    // work or stop for the thread
    std::condition_variable m_settled; // a job ran (for a waiting waitFor)
    std::deque<std::function<void()>> m_jobs;
    bool m_sleeping = false;  // the thread waits on m_wake (under m_mutex)
    bool m_waiting = false;   // waitFor() waits on m_settled (under m_mutex)
    bool m_stop = false;
    bool m_running = false;   // a job is running, on the thread or in a waiting caller
    std::uint64_t m_waited = 0;
    std::uint64_t m_ran = 0;
    std::atomic<double> m_cpuSeconds{0};
    std::thread m_thread; // last: started when the rest exists
};

} // namespace quorum::sim
