#include "engine/cluster/Reclaimer.h"

#include <ctime>
#include <utility>

namespace quorum::cluster {

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

Reclaimer::Reclaimer() : m_thread([this] { run(); }) {}

Reclaimer::~Reclaimer()
{
    handOver();
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void Reclaimer::drop(std::shared_ptr<const void> object)
{
    if (!object)
        return;
    m_batch.push_back(std::move(object));
    if (m_batch.size() >= kBatch)
        handOver();
}

void Reclaimer::handOver()
{
    if (m_batch.empty())
        return;
    std::vector<std::shared_ptr<const void>> batch;
    batch.reserve(kBatch);
    batch.swap(m_batch);
    {
        std::unique_lock lock(m_mutex);
        if (m_waiting.size() < kMaxWaiting) {
            m_waiting.push_back(std::move(batch));
            lock.unlock();
            m_wake.notify_one();
            return;
        }
        m_stats.atOnce += batch.size();
    }
    batch.clear(); // the thread is behind: free here, outside the lock
}

void Reclaimer::flush()
{
    handOver();
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_waiting.empty() && !m_busy; });
}

Reclaimer::Stats Reclaimer::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void Reclaimer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_waiting.empty(); });
        if (m_waiting.empty())
            return; // stopping, and nothing left
        std::vector<std::vector<std::shared_ptr<const void>>> work;
        work.swap(m_waiting);
        m_busy = true;
        lock.unlock();
        const double started = threadCpuSeconds();
        std::uint64_t count = 0;
        for (auto &batch : work) {
            count += batch.size();
            batch.clear();
        }
        work.clear();
        lock.lock();
        m_busy = false;
        m_stats.released += count;
        m_stats.cpuSeconds += threadCpuSeconds() - started;
        m_done.notify_all();
    }
}

} // namespace quorum::cluster
