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
    std::unique_lock lock(m_mutex, std::defer_lock);
    while (!done(number)) {
        // A job the thread has not taken yet (it sleeps, or lost its core to another process)
        // is run here: one job at a time, in order, whichever thread gets to it.
        lock.lock();
        if (!m_running && !m_jobs.empty()) {
            runFront(lock);
            ++m_ran;
            const bool wake = m_sleeping && !m_jobs.empty();
            lock.unlock();
            if (wake)
                m_wake.notify_one();
            continue;
        }
        if (std::chrono::steady_clock::now() > until) {
            m_waiting = true;
            m_settled.wait(lock, [this, number] { return done(number) || (!m_running && !m_jobs.empty()); });
            m_waiting = false;
        }
        lock.unlock();
        relax();
    }
}

void ApplyWorker::runFront(std::unique_lock<std::mutex> &lock)
{
    std::function<void()> job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_running = true;
    lock.unlock();
    job();
    job = nullptr; // what it holds goes on the thread that ran it
    lock.lock();
    m_running = false;
    m_done.fetch_add(1, std::memory_order_release);
}

ApplyWorker::Stats ApplyWorker::stats()
{
    settle();
    return Stats{m_done.load(), m_waited, m_ran, m_cpuSeconds.load()};
}

void ApplyWorker::run()
{
    const double started = threadCpuSeconds();
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_jobs.empty() || m_running) {
            if (m_stop && m_jobs.empty() && !m_running)
                break;
            // Look for more work for a moment before sleeping.
            const std::uint64_t queued = m_queued.load(std::memory_order_relaxed);
            lock.unlock();
            const auto until = std::chrono::steady_clock::now() + kSpin;
            while (m_queued.load(std::memory_order_acquire) == queued && std::chrono::steady_clock::now() < until)
                relax();
            lock.lock();
            if ((m_jobs.empty() || m_running) && !m_stop) {
                m_sleeping = true;
                m_wake.wait(lock); // woken by work, by a caller that ran a job and left more, or by the end
                m_sleeping = false;
            }
            continue;
        }
        runFront(lock);
        m_cpuSeconds.store(threadCpuSeconds() - started, std::memory_order_relaxed);
        if (m_waiting)
            m_settled.notify_one();
    }
}

} // namespace quorum::sim
