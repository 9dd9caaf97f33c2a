// The allocator our programs run on (cmake/Allocator.cmake): with QUORUM_ALLOCATOR=jemalloc,
// malloc, operator new and the programs themselves must really go through jemalloc.

#include "tests/support/Allocator.h"
#include "tests/support/RunProgram.h"

#include <QtTest>

#include <cstdlib>
#include <memory>
#include <vector>

using quorum::testing::allocatorInUse;
using quorum::testing::jemallocAllocated;

class TestAllocator : public QObject {
    Q_OBJECT

private slots:
    void allocationsGoThroughTheConfiguredAllocator()
    {
#ifdef QUORUM_ALLOCATOR_JEMALLOC
        QVERIFY2(allocatorInUse().starts_with("jemalloc 5."), allocatorInUse().c_str());
        const std::int64_t before = jemallocAllocated();
        QVERIFY(before >= 0);
        constexpr std::size_t kBlock = 1 << 20;
        std::vector<void *> blocks;
        std::vector<std::unique_ptr<char[]>> news;
        for (int i = 0; i < 32; ++i) {
            blocks.push_back(std::malloc(kBlock));
            news.push_back(std::make_unique<char[]>(kBlock));
        }
        const std::int64_t during = jemallocAllocated();
        for (void *b : blocks)
            std::free(b);
        news.clear();
        const std::int64_t after = jemallocAllocated();
        // 32 MiB by malloc and 32 MiB by operator new: both must show in jemalloc's own count
        // (which merges its threads' caches lazily, so allow a few small blocks either way).
        const std::int64_t expected = 64 * std::int64_t(kBlock);
        const std::int64_t slack = expected / 32;
        QVERIFY2(during - before >= expected - slack, qPrintable(QString::number(during - before)));
        QVERIFY2(during - after >= expected - slack, qPrintable(QString::number(during - after)));
#else
        QCOMPARE(allocatorInUse(), std::string("glibc malloc"));
        QCOMPARE(jemallocAllocated(), std::int64_t(-1));
#endif
    }

    void programsAreLinkedWithIt()
    {
        for (const char *program : {QUORUMCTL_PATH, QUORUMD_PATH}) {
            const auto run = quorum::testing::runProgram("ldd", {program});
            QCOMPARE(run.exitCode, 0);
#ifdef QUORUM_ALLOCATOR_JEMALLOC
            QVERIFY2(run.out.contains("libjemalloc.so"), qPrintable(QString(program) + ":\n" + run.out));
            // jemalloc must come before libc to take malloc's place.
            QVERIFY2(run.out.indexOf("libjemalloc.so") < run.out.indexOf("libc.so"), qPrintable(run.out));
#else
            QVERIFY2(!run.out.contains("libjemalloc.so"), qPrintable(run.out));
#endif
        }
    }
};

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
