#include "engine/sim/ApplyWorker.h"

#include <chrono>
#include <ctime>

namespace quorum::sim {

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// How long the thread looks for more work before it sleeps, and waitFor() for the job it
// waits for before it sleeps too: a little more than the usual gap between jobs, and far less
// than a time slice.
constexpr auto kSpin = std::chrono::microseconds(50);

inline void relax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

} // namespace

ApplyWorker::ApplyWorker() : m_thread([this] { run(); }) {}

ApplyWorker::~ApplyWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

std::uint64_t ApplyWorker::submit(std::function<void()> job)
{
    ++m_submitted;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
        m_queued.fetch_add(1, std::memory_order_release);
        wake = m_sleeping;
    }
    if (wake)
        m_wake.notify_one();
    return m_submitted;
}

void ApplyWorker::waitFor(std::uint64_t number)
{
    if (done(number))
        return;
    ++m_waited;
    const auto until = std::chrono::steady_clock::now() + kSpin;
    while (!done(number)) {
        if (std::chrono::steady_clock::now() > until) {
            std::unique_lock lock(m_mutex);
            m_waiting = true;
            m_settled.wait(lock, [this, number] { return done(number); });
            m_waiting = false;
            return;
        }
        relax();
    }
}

ApplyWorker::Stats ApplyWorker::stats()
{
    settle();
    return Stats{m_done.load(), m_waited, m_cpuSeconds.load()};
}

void ApplyWorker::run()
{
    const double started = threadCpuSeconds();
    std::uint64_t seen = 0; // jobs taken from the queue
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_jobs.empty()) {
            if (m_stop)
                break;
            // Look for more work for a moment before sleeping.
            lock.unlock();
            const auto until = std::chrono::steady_clock::now() + kSpin;
            while (m_queued.load(std::memory_order_acquire) == seen && std::chrono::steady_clock::now() < until)
                relax();
            lock.lock();
            if (m_jobs.empty() && !m_stop) {
                m_sleeping = true;
                m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
                m_sleeping = false;
            }
            continue;
        }
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        ++seen;
        lock.unlock();
        job();
        job = nullptr; // what it holds goes here, not on the simulation's thread
        m_cpuSeconds.store(threadCpuSeconds() - started, std::memory_order_relaxed);
        lock.lock();
        m_done.fetch_add(1, std::memory_order_release);
        if (m_waiting)
            m_settled.notify_one();
    }
}

} // namespace quorum::sim
