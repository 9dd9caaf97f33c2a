#include "ui/monitor/MonitorPanel.h"

#include "ui/common/Appearance.h"
#include "ui/monitor/LaneChart.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPalette>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTextStream>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <ctime>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace quorum::ui {

namespace {

const QColor kLeader{0xB7, 0x79, 0x1F};
const QColor kDown{0x9A, 0xA4, 0xB2};
const QColor kUp{0x1F, 0x6F, 0xB2};
const QColor kNeeded{0xC5, 0x30, 0x30};
const QColor kHolders[] = {QColor(0x1F, 0x6F, 0xB2), QColor(0x2F, 0x9E, 0x5B), QColor(0xB7, 0x79, 0x1F),
                           QColor(0x80, 0x5A, 0xD5), QColor(0xDD, 0x6B, 0x20)};
const QColor kPhase[] = {QColor(0x94, 0xA3, 0xB8), QColor(0x5B, 0x8D, 0xD6), QColor(0x2F, 0x9E, 0x5B),
                         QColor(0x7C, 0x3A, 0xED), QColor(0xC5, 0x30, 0x30), QColor(0xDD, 0x6B, 0x20)};
constexpr double kWindowSeconds = 120;
constexpr int kMaxBars = 200; // periods kept per lane and kind

/// CPU time of the calling thread.
qint64 threadCpuNanos()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<qint64>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

/// A chart view that adds the CPU time of its repaints to a counter (MonitorPanel::chartCpuSeconds).
class CountedChartView final : public QChartView {
public:
    CountedChartView(QChart *chart, qint64 *nanos) : QChartView(chart), m_nanos(nanos) {}

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const qint64 cpu0 = threadCpuNanos();
        QChartView::paintEvent(event);
        *m_nanos += threadCpuNanos() - cpu0;
    }

private:
    qint64 *m_nanos;
};

/// `value` takes `previous`'s (implicitly shared) storage when they are equal.
template <typename T> void share(T &value, const T &previous)
{
    if (value == previous)
        value = previous;
}

/// A day of samples is most of the monitor's memory, and from one second to the next most of a
/// sample's lists (names, holders, counts) are the same: those share the previous sample's.
void shareUnchanged(LiveSample &s, const LiveSample &previous)
{
    if (s.members.size() == previous.members.size())
        for (qsizetype i = 0; i < s.members.size(); ++i)
            share(s.members[i].name, previous.members[i].name);
    share(s.leaseNames, previous.leaseNames);
    share(s.leaseHolders, previous.leaseHolders);
    share(s.podsByPhase, previous.podsByPhase);
    share(s.workloads, previous.workloads);
    share(s.workloadReady, previous.workloadReady);
    share(s.workloadDesired, previous.workloadDesired);
    share(s.backends, previous.backends);
    share(s.backendRequests, previous.backendRequests);
}

/// Keeps the newest MonitorPanel::kMaxSamples once kTrimSlack more have come.
void trimToMax(QVector<LiveSample> &samples)
{
    if (samples.size() <= MonitorPanel::kMaxSamples + MonitorPanel::kTrimSlack)
        return;
    samples.remove(0, samples.size() - MonitorPanel::kMaxSamples);
#ifdef __GLIBC__
    // The hour of samples just freed lies scattered among the ones kept: glibc keeps such
    // pages (resident memory then grew by ~2 MiB per virtual hour past a day while the heap in
    // use stayed level); hand them back.
    malloc_trim(0);
#endif
}

double seconds(qint64 micros)
{
    return static_cast<double>(micros) / 1e6;
}

/// Appends a batch of points with one update of the series: QXYSeries::append(list) redraws
/// the whole path once per point, which made a batch of n points cost n path rebuilds. While
/// the series holds more than MonitorPanel::kMaxPoints points every other one is dropped (each
/// repaint walks every point; older history gets coarser, the CSV keeps every sample).
///
/// A point that continues a horizontal run (its y equals the two before it) moves the run's end
/// instead of being added: the line drawn is the same, and step-like series (ready replicas,
/// voters, nodes Ready) stay a handful of points however long they are charted.
void extend(QXYSeries *series, const QList<QPointF> &points)
{
    if (points.isEmpty())
        return;
    QList<QPointF> all = series->points();
    all.reserve(all.size() + points.size());
    for (const QPointF &p : points) {
        const qsizetype n = all.size();
        if (n >= 2 && all[n - 1].y() == p.y() && all[n - 2].y() == p.y())
            all[n - 1] = p;
        else
            all.append(p);
    }
    while (all.size() > MonitorPanel::kMaxPoints) {
        QList<QPointF> kept;
        kept.reserve(all.size() / 2 + 1);
        for (qsizetype i = 0; i < all.size(); i += 2)
            kept.append(all[i]);
        if (all.size() % 2 == 0)
            kept.append(all.back()); // the line reaches the newest sample
        all = std::move(kept);
    }
    series->replace(all);
}

QChart *makeChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QValueAxis *timeAxis(QChart *chart)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(QCoreApplication::translate("quorum::ui::MonitorPanel", "virtual time (s)"));
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setRange(0, kWindowSeconds);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

} // namespace

struct MonitorPanel::Charts {
    // Leadership: a lane per member; leases: a lane per lease, a series per holder node.
    QChart *leadership = nullptr;
    QValueAxis *leadershipTime = nullptr;
    std::unique_ptr<LaneChart> members;
    QChart *leases = nullptr;
    QValueAxis *leasesTime = nullptr;
    std::unique_ptr<LaneChart> leaseLanes;
    QStringList holderNodes; // colour order of lease holders
    // Commit index and write latency.
    QChart *commit = nullptr;
    QValueAxis *commitTime = nullptr;
    QValueAxis *commitAxis = nullptr;
    QValueAxis *latencyAxis = nullptr;
    QLineSeries *commitIndex = nullptr;
    QLineSeries *writeP99 = nullptr;
    // Ready replicas per workload.
    QChart *workloads = nullptr;
    QValueAxis *workloadsTime = nullptr;
    QValueAxis *workloadsAxis = nullptr;
    QHash<QString, QLineSeries *> workloadReady;
    // Client requests per backend (the node that served them) in each sample's window.
    QChart *backends = nullptr;
    QValueAxis *backendsTime = nullptr;
    QValueAxis *backendsAxis = nullptr;
    QStringList backendNames;           // series order; the kMaxBackends-th and later share "other"
    QHash<QString, QLineSeries *> backendSeries;
    // Quorum.
    QChart *quorum = nullptr;
    QValueAxis *quorumTime = nullptr;
    QValueAxis *quorumCount = nullptr;
    QLineSeries *votersUp = nullptr;
    QLineSeries *needed = nullptr;
    QLineSeries *unavailableTop = nullptr;
    QLineSeries *unavailableBottom = nullptr;
    // Pods by phase (stacked): cumulative tops.
    QChart *pods = nullptr;
    QValueAxis *podsTime = nullptr;
    QValueAxis *podsCount = nullptr;
    QVector<QLineSeries *> podTops;
    QVector<QLineSeries *> podBottoms;
    // Clients and nodes.
    QChart *clients = nullptr;
    QValueAxis *clientsTime = nullptr;
    QLineSeries *success = nullptr;
    QLineSeries *nodesReady = nullptr;
    QValueAxis *nodesAxis = nullptr;
    QList<QChartView *> views;
    QTabWidget *pages = nullptr;
};

MonitorPanel::MonitorPanel(EngineBridge *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_charts(std::make_unique<Charts>())
{
    Charts &c = *m_charts;
    // Leadership timeline.
    c.leadership = makeChart(tr("Leadership (etcd)"));
    c.leadershipTime = timeAxis(c.leadership);
    c.members = std::make_unique<LaneChart>(c.leadership, c.leadershipTime);
    c.leadership->legend()->hide();
    c.leases = makeChart(tr("Lease holders"));
    c.leasesTime = timeAxis(c.leases);
    c.leaseLanes = std::make_unique<LaneChart>(c.leases, c.leasesTime);
    c.leaseLanes->setLanes({QStringLiteral("kube-controller-manager"), QStringLiteral("kube-scheduler")});
    // Commit index and write latency.
    c.commit = makeChart(tr("Commit index and write latency"));
    c.commitTime = timeAxis(c.commit);
    c.commitAxis = new QValueAxis;
    c.commitAxis->setLabelFormat(QStringLiteral("%d"));
    c.commit->addAxis(c.commitAxis, Qt::AlignLeft);
    c.latencyAxis = new QValueAxis;
    c.latencyAxis->setLabelFormat(QStringLiteral("%.1f ms"));
    c.commit->addAxis(c.latencyAxis, Qt::AlignRight);
    c.commitIndex = new QLineSeries;
    c.commitIndex->setName(tr("commit index"));
    c.commitIndex->setPen(QPen(kUp, 2));
    c.commit->addSeries(c.commitIndex);
    c.commitIndex->attachAxis(c.commitTime);
    c.commitIndex->attachAxis(c.commitAxis);
    c.writeP99 = new QLineSeries;
    c.writeP99->setName(tr("write latency p99"));
    c.writeP99->setPen(QPen(kNeeded, 1.5));
    c.commit->addSeries(c.writeP99);
    c.writeP99->attachAxis(c.commitTime);
    c.writeP99->attachAxis(c.latencyAxis);
    // Ready replicas per workload.
    c.workloads = makeChart(tr("Ready replicas per workload"));
    c.workloadsTime = timeAxis(c.workloads);
    c.workloadsAxis = new QValueAxis;
    c.workloadsAxis->setLabelFormat(QStringLiteral("%d"));
    c.workloads->addAxis(c.workloadsAxis, Qt::AlignLeft);
    // Requests per backend.
    c.backends = makeChart(tr("Client requests per backend"));
    c.backendsTime = timeAxis(c.backends);
    c.backendsAxis = new QValueAxis;
    c.backendsAxis->setLabelFormat(QStringLiteral("%d"));
    c.backendsAxis->setRange(0, 1);
    c.backends->addAxis(c.backendsAxis, Qt::AlignLeft);
    // Quorum.
    c.quorum = makeChart(tr("Quorum"));
    c.quorumTime = timeAxis(c.quorum);
    c.quorumCount = new QValueAxis;
    c.quorumCount->setLabelFormat(QStringLiteral("%d"));
    c.quorumCount->setRange(0, 3);
    c.quorum->addAxis(c.quorumCount, Qt::AlignLeft);
    c.unavailableTop = new QLineSeries(this);
    c.unavailableBottom = new QLineSeries(this);
    auto *band = new QAreaSeries(c.unavailableTop, c.unavailableBottom);
    band->setName(tr("writes unavailable"));
    band->setColor(QColor(0xC5, 0x30, 0x30, 60));
    band->setBorderColor(Qt::transparent);
    c.quorum->addSeries(band);
    c.votersUp = new QLineSeries;
    c.votersUp->setName(tr("voters up"));
    c.votersUp->setPen(QPen(kUp, 2.5));
    c.quorum->addSeries(c.votersUp);
    c.needed = new QLineSeries;
    c.needed->setName(tr("quorum needed"));
    c.needed->setPen(QPen(kNeeded, 1.5, Qt::DashLine));
    c.quorum->addSeries(c.needed);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(band), static_cast<QAbstractSeries *>(c.votersUp),
                               static_cast<QAbstractSeries *>(c.needed)}) {
        s->attachAxis(c.quorumTime);
        s->attachAxis(c.quorumCount);
    }
    // Pods by phase.
    c.pods = makeChart(tr("Pods by phase"));
    c.podsTime = timeAxis(c.pods);
    c.podsCount = new QValueAxis;
    c.podsCount->setLabelFormat(QStringLiteral("%d"));
    c.pods->addAxis(c.podsCount, Qt::AlignLeft);
    const QStringList phases{tr("Pending"), tr("ContainerCreating"), tr("Running"), tr("Succeeded"), tr("Failed"), tr("Terminating")};
    for (int i = 0; i < phases.size(); ++i) {
        auto *top = new QLineSeries(this);
        auto *bottom = new QLineSeries(this);
        auto *area = new QAreaSeries(top, bottom);
        area->setName(phases[i]);
        area->setColor(kPhase[i]);
        area->setBorderColor(kPhase[i].darker(120));
        c.pods->addSeries(area);
        area->attachAxis(c.podsTime);
        area->attachAxis(c.podsCount);
        c.podTops.push_back(top);
        c.podBottoms.push_back(bottom);
    }
    // Clients and nodes.
    c.clients = makeChart(tr("Clients and nodes"));
    c.clientsTime = timeAxis(c.clients);
    auto *percent = new QValueAxis;
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d %%"));
    c.clients->addAxis(percent, Qt::AlignLeft);
    c.nodesAxis = new QValueAxis;
    c.nodesAxis->setLabelFormat(QStringLiteral("%d"));
    c.clients->addAxis(c.nodesAxis, Qt::AlignRight);
    c.success = new QLineSeries;
    c.success->setName(tr("client success rate"));
    c.success->setPen(QPen(QColor(0x2F, 0x9E, 0x5B), 2));
    c.clients->addSeries(c.success);
    c.success->attachAxis(c.clientsTime);
    c.success->attachAxis(percent);
    c.nodesReady = new QLineSeries;
    c.nodesReady->setName(tr("nodes Ready"));
    c.nodesReady->setPen(QPen(kUp, 2));
    c.clients->addSeries(c.nodesReady);
    c.nodesReady->attachAxis(c.clientsTime);
    c.nodesReady->attachAxis(c.nodesAxis);

    // Layout: controls, then the four charts in a grid.
    auto *controls = new QHBoxLayout;
    m_follow = new QCheckBox(tr("&Follow"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the last two minutes of virtual time in view; off to pause the charts and zoom"));
    auto *png = new QPushButton(tr("Export &PNG…"));
    auto *csv = new QPushButton(tr("Export &CSV…"));
    controls->addWidget(m_follow);
    controls->addStretch();
    controls->addWidget(png);
    controls->addWidget(csv);
    c.pages = new QTabWidget;
    auto page = [&](const QString &title, std::initializer_list<QChart *> charts) {
        auto *widget = new QWidget;
        auto *grid = new QGridLayout(widget);
        grid->setContentsMargins(0, 0, 0, 0);
        int i = 0;
        for (QChart *chart : charts) {
            auto *view = new CountedChartView(chart, &m_chartNanos);
            view->setRenderHint(QPainter::Antialiasing);
            view->setRubberBand(QChartView::HorizontalRubberBand);
            view->setMinimumSize(150, 110);
            view->setAccessibleName(chart->title());
            grid->addWidget(view, i / 2, i % 2);
            c.views << view;
            ++i;
        }
        c.pages->addTab(widget, title);
    };
    page(tr("Control plane"), {c.leadership, c.quorum, c.commit, c.leases});
    page(tr("Workloads"), {c.pods, c.workloads, c.clients, c.backends});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(c.pages, 1);

    connect(png, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the charts"), QStringLiteral("quorum-charts.png"),
                                                          tr("PNG image (*.png)"));
        if (!path.isEmpty())
            if (const QString error = exportPng(path); !error.isEmpty())
                setToolTip(error);
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the samples"), QStringLiteral("quorum-samples.csv"),
                                                          tr("CSV file (*.csv)"));
        if (!path.isEmpty())
            if (const QString error = exportCsv(path); !error.isEmpty())
                setToolTip(error);
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on && !m_samples.isEmpty())
            followTo(seconds(m_samples.back().timeMicros));
    });
    connect(c.pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0 && index < kPages)
            feedPage(index);
    });
    connect(engine, &EngineBridge::samplesArrived, this, &MonitorPanel::onLiveSamples);
    connect(engine, &EngineBridge::cleared, this, &MonitorPanel::onLiveCleared);
    followPalette();
    connect(AppearanceNotifier::instance(), &AppearanceNotifier::changed, this, [this] { followPalette(); });
}

void MonitorPanel::followPalette()
{
    // The charts' own chrome (background, titles, labels, grid) from the application palette, so
    // they follow View → Appearance; the series keep their colours (a QChart theme would reset
    // them).
    const QPalette palette = QApplication::palette();
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    for (QChartView *view : findChildren<QChartView *>()) {
        QChart *chart = view->chart();
        chart->setBackgroundBrush(palette.brush(QPalette::Base));
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        view->setBackgroundBrush(palette.brush(QPalette::Window));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(palette.color(QPalette::Mid));
        }
    }
}

MonitorPanel::~MonitorPanel() = default;

void MonitorPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    feedPage(m_charts->pages->currentIndex());
}

void MonitorPanel::showPage(int page)
{
    m_charts->pages->setCurrentIndex(page);
}

double MonitorPanel::chartCpuSeconds() const
{
    return static_cast<double>(m_chartNanos) / 1e9;
}

void MonitorPanel::onLiveSamples(const QVector<LiveSample> &samples)
{
    if (!m_replaying) {
        append(samples);
        return;
    }
    m_liveSamples += samples;
    trimToMax(m_liveSamples);
}

void MonitorPanel::onLiveCleared()
{
    if (m_replaying)
        m_liveSamples.clear();
    else
        clear();
}

void MonitorPanel::showReplay(const QVector<LiveSample> &samples)
{
    if (!m_replaying) {
        m_liveSamples = m_samples;
        m_replaying = true;
    }
    clear();
    append(samples);
}

void MonitorPanel::endReplay()
{
    if (!m_replaying)
        return;
    m_replaying = false;
    clear();
    append(std::exchange(m_liveSamples, {}));
}

void MonitorPanel::clear()
{
    Charts &c = *m_charts;
    m_samples.clear();
    m_appended = 0;
    for (qint64 &fed : m_fed)
        fed = 0;
    c.members->setLanes({});
    c.leaseLanes->clear();
    c.holderNodes.clear();
    for (QLineSeries *s : std::as_const(c.workloadReady)) {
        c.workloads->removeSeries(s);
        delete s;
    }
    c.workloadReady.clear();
    for (QLineSeries *s : std::as_const(c.backendSeries)) {
        c.backends->removeSeries(s);
        delete s;
    }
    c.backendSeries.clear();
    c.backendNames.clear();
    c.backendsAxis->setRange(0, 1);
    for (QLineSeries *s : {c.votersUp, c.needed, c.unavailableTop, c.unavailableBottom, c.success, c.nodesReady,
                           c.commitIndex, c.writeP99})
        s->clear();
    for (QLineSeries *s : c.podTops + c.podBottoms)
        s->clear();
    followTo(0);
}

void MonitorPanel::append(const QVector<LiveSample> &samples)
{
    if (samples.isEmpty())
        return;
    for (const LiveSample &s : samples) {
        m_samples.push_back(s);
        if (m_samples.size() > 1)
            shareUnchanged(m_samples.back(), m_samples[m_samples.size() - 2]);
    }
    m_appended += samples.size();
    trimToMax(m_samples);
    // A page nobody sees is fed when it is shown: Qt Charts rebuilds a series' geometry on
    // every replace() and axis change even when its view is hidden.
    for (int page = 0; page < kPages; ++page)
        if (pageShown(page))
            feedPage(page);
}

bool MonitorPanel::pageShown(int page) const
{
    // QUORUM_FEED_ALL=1 feeds hidden pages too: bench_ui_latency's baseline.
    static const bool feedAll = qEnvironmentVariableIsSet("QUORUM_FEED_ALL");
    return feedAll || (isVisible() && m_charts->pages->currentIndex() == page);
}

void MonitorPanel::feedPage(int page) const
{
    if (m_fed[page] >= m_appended)
        return;
    const qint64 cpu0 = threadCpuNanos();
    // The samples since the page was last fed, as far as they are still kept.
    const qint64 firstKept = m_appended - m_samples.size();
    const QVector<LiveSample> batch = m_samples.mid(std::max(m_fed[page], firstKept) - firstKept);
    m_fed[page] = m_appended;
    if (page == 0)
        feedControlPlane(batch);
    else
        feedWorkloads(batch);
    if (m_follow->isChecked())
        followPage(page, seconds(batch.back().timeMicros));
    m_chartNanos += threadCpuNanos() - cpu0;
}

void MonitorPanel::feedControlPlane(const QVector<LiveSample> &samples) const
{
    Charts &c = *m_charts;
    QStringList names;
    for (const LiveSample::Member &m : samples.front().members)
        names << m.name;
    c.members->setLanes(names);
    // Collect the batch per series, then hand each series its points once (one repaint).
    const int lanes = static_cast<int>(c.members->lanes().size());
    QVector<QList<qreal>> leaders(lanes), downs(lanes);
    QHash<QString, QVector<QList<qreal>>> holders; // holder node -> per lease lane
    QList<QPointF> up, needed, top, bottom, commit, latency;
    int maxVoters = 3;
    quint64 term = 0;
    for (const LiveSample &s : samples) {
        const double x = seconds(s.timeMicros);
        quint64 highest = 0;
        for (int i = 0; i < s.members.size() && i < lanes; ++i) {
            if (s.members[i].leader)
                leaders[i].append(x);
            if (!s.members[i].up)
                downs[i].append(x);
            term = std::max(term, s.members[i].term);
            highest = std::max(highest, s.members[i].commit);
        }
        commit.append(QPointF(x, static_cast<qreal>(highest)));
        latency.append(QPointF(x, s.writeP99Ms));
        for (int l = 0; l < s.leaseNames.size(); ++l) {
            const int lane = static_cast<int>(c.leaseLanes->lanes().indexOf(s.leaseNames[l]));
            const QString node = s.leaseHolders[l].section(QLatin1Char('_'), 0, 0); // "<node>_<id>"
            if (lane < 0 || node.isEmpty())
                continue;
            auto &perLane = holders[node];
            perLane.resize(c.leaseLanes->lanes().size());
            perLane[lane].append(x);
        }
        up.append(QPointF(x, s.votersUp));
        needed.append(QPointF(x, s.needed));
        top.append(QPointF(x, s.writesAvailable ? 0 : s.votersTotal));
        bottom.append(QPointF(x, 0));
        maxVoters = std::max(maxVoters, s.votersTotal);
    }
    for (int i = 0; i < lanes; ++i) {
        c.members->append(i, tr("leader"), leaders[i], kLeader, 10, kMaxBars);
        c.members->append(i, tr("down"), downs[i], kDown, 5, kMaxBars);
    }
    for (auto it = holders.cbegin(); it != holders.cend(); ++it) {
        if (!c.holderNodes.contains(it.key()))
            c.holderNodes << it.key();
        const QColor color = kHolders[c.holderNodes.indexOf(it.key()) % 5];
        for (int lane = 0; lane < it.value().size(); ++lane)
            c.leaseLanes->append(lane, it.key(), it.value()[lane], color, 10, kMaxBars);
    }
    extend(c.commitIndex, commit);
    extend(c.writeP99, latency);
    c.commitAxis->setRange(0, std::max(c.commitAxis->max(), commit.back().y() * 1.1 + 1));
    c.commitAxis->applyNiceNumbers();
    double maxLatency = 1;
    for (const QPointF &p : latency)
        maxLatency = std::max(maxLatency, p.y());
    c.latencyAxis->setRange(0, std::max(c.latencyAxis->max(), maxLatency * 1.2));
    extend(c.votersUp, up);
    extend(c.needed, needed);
    extend(c.unavailableTop, top);
    extend(c.unavailableBottom, bottom);
    // Whole-number axes get a tick per unit (small counts) or nice numbers.
    c.quorumCount->setRange(0, maxVoters + 1);
    c.quorumCount->setTickCount(maxVoters + 2);
    c.leadership->setTitle(tr("Leadership (etcd) — term %1").arg(term));
}

void MonitorPanel::feedWorkloads(const QVector<LiveSample> &samples) const
{
    Charts &c = *m_charts;
    QHash<QString, QList<QPointF>> ready;    // workload -> ready replicas
    QHash<QString, QList<QPointF>> backends; // backend -> requests in the window
    quint64 maxBackend = 1;
    QList<QPointF> success, nodes;
    int maxReplicas = 1;
    QVector<QList<QPointF>> podTop(c.podTops.size()), podBottom(c.podBottoms.size());
    int maxPods = 1, maxNodes = 1;
    for (const LiveSample &s : samples) {
        const double x = seconds(s.timeMicros);
        // Every backend seen so far gets a point (0 when it got no request in this window).
        QHash<QString, quint64> perBackend;
        for (int b = 0; b < s.backends.size(); ++b) {
            QString name = s.backends[b];
            if (!c.backendNames.contains(name)) {
                if (c.backendNames.size() >= kMaxBackends - 1)
                    name = tr("other");
                if (!c.backendNames.contains(name))
                    c.backendNames << name;
            }
            perBackend[name] += s.backendRequests.value(b);
        }
        for (const QString &name : std::as_const(c.backendNames)) {
            const quint64 n = perBackend.value(name);
            backends[name].append(QPointF(x, static_cast<double>(n)));
            maxBackend = std::max(maxBackend, n);
        }
        for (int w = 0; w < s.workloads.size(); ++w) {
            ready[s.workloads[w]].append(QPointF(x, s.workloadReady.value(w)));
            maxReplicas = std::max({maxReplicas, s.workloadDesired.value(w), s.workloadReady.value(w)});
        }
        int sum = 0;
        for (int p = 0; p < podTop.size(); ++p) {
            podBottom[p].append(QPointF(x, sum));
            sum += p < s.podsByPhase.size() ? s.podsByPhase[p] : 0;
            podTop[p].append(QPointF(x, sum));
        }
        maxPods = std::max(maxPods, sum);
        success.append(QPointF(x, s.clientRequests > 0 ? s.clientSuccessRate : 100.0));
        nodes.append(QPointF(x, s.nodesReady));
        maxNodes = std::max(maxNodes, s.nodesTotal);
    }
    for (auto it = ready.cbegin(); it != ready.cend(); ++it) {
        QLineSeries *&series = c.workloadReady[it.key()];
        if (!series) {
            series = new QLineSeries;
            series->setName(it.key());
            c.workloads->addSeries(series);
            series->attachAxis(c.workloadsTime);
            series->attachAxis(c.workloadsAxis);
        }
        extend(series, it.value());
    }
    for (const QString &name : std::as_const(c.backendNames)) {
        QLineSeries *&series = c.backendSeries[name];
        if (!series) {
            series = new QLineSeries;
            series->setName(name);
            c.backends->addSeries(series);
            series->attachAxis(c.backendsTime);
            series->attachAxis(c.backendsAxis);
        }
        extend(series, backends.value(name));
    }
    c.backendsAxis->setRange(0, std::max(c.backendsAxis->max(), static_cast<double>(maxBackend) * 1.1));
    c.backendsAxis->applyNiceNumbers();
    c.workloadsAxis->setRange(0, maxReplicas + 1);
    c.workloadsAxis->setTickCount(std::min(maxReplicas + 2, 11));
    extend(c.success, success);
    extend(c.nodesReady, nodes);
    for (int p = 0; p < podTop.size(); ++p) {
        extend(c.podTops[p], podTop[p]);
        extend(c.podBottoms[p], podBottom[p]);
    }
    c.podsCount->setRange(0, std::max(c.podsCount->max(), maxPods * 1.1));
    c.podsCount->applyNiceNumbers();
    c.nodesAxis->setRange(0, std::max(c.nodesAxis->max(), static_cast<double>(maxNodes)));
    c.nodesAxis->applyNiceNumbers();
}

void MonitorPanel::followTo(double at)
{
    for (int page = 0; page < kPages; ++page)
        followPage(page, at);
}

void MonitorPanel::followPage(int page, double at) const
{
    Charts &c = *m_charts;
    const double from = std::max(0.0, at - kWindowSeconds);
    const double to = std::max(kWindowSeconds, at + 1);
    const std::array<QValueAxis *, 4> axes = page == 0
        ? std::array<QValueAxis *, 4>{c.leadershipTime, c.quorumTime, c.leasesTime, c.commitTime}
        : std::array<QValueAxis *, 4>{c.podsTime, c.clientsTime, c.workloadsTime, c.backendsTime};
    for (QValueAxis *axis : axes)
        axis->setRange(from, to);
}

QString MonitorPanel::leaderAt(qint64 micros) const
{
    QString leader;
    for (const LiveSample &s : m_samples) {
        if (s.timeMicros > micros)
            break;
        leader.clear();
        for (const LiveSample::Member &m : s.members)
            if (m.leader)
                leader = m.name;
    }
    return leader;
}

QList<QPointF> MonitorPanel::leaderPoints(const QString &member) const
{
    feedPage(0);
    const int i = static_cast<int>(m_charts->members->lanes().indexOf(member));
    return m_charts->members->points(i, tr("leader"));
}

QList<QPointF> MonitorPanel::leaseHolderPoints(const QString &lease, const QString &node) const
{
    feedPage(0);
    return m_charts->leaseLanes->points(static_cast<int>(m_charts->leaseLanes->lanes().indexOf(lease)), node);
}

QStringList MonitorPanel::backendNames() const
{
    feedPage(1);
    return m_charts->backendNames;
}

QList<QPointF> MonitorPanel::backendPoints(const QString &backend) const
{
    feedPage(1);
    const QLineSeries *s = m_charts->backendSeries.value(backend);
    return s ? s->points() : QList<QPointF>();
}

QList<QPointF> MonitorPanel::votersUpPoints() const
{
    feedPage(0);
    return m_charts->votersUp->points();
}

QString MonitorPanel::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    QTextStream out(&file);
    out << "time_s,leader,term,voters_up,quorum_needed,writes_available,nodes_ready,nodes_total,"
           "pods_pending,pods_container_creating,pods_running,pods_succeeded,pods_failed,pods_terminating,"
           "client_success_rate\n";
    for (const LiveSample &s : m_samples) {
        QString leader;
        quint64 term = 0;
        for (const LiveSample::Member &m : s.members) {
            term = std::max(term, m.term);
            if (m.leader)
                leader = m.name;
        }
        out << QString::number(seconds(s.timeMicros), 'f', 3) << ',' << leader << ',' << term << ',' << s.votersUp << ','
            << s.needed << ',' << (s.writesAvailable ? 1 : 0) << ',' << s.nodesReady << ',' << s.nodesTotal;
        for (int p = 0; p < 6; ++p)
            out << ',' << (p < s.podsByPhase.size() ? s.podsByPhase[p] : 0);
        out << ',' << QString::number(s.clientSuccessRate, 'f', 2) << '\n';
    }
    out.flush();
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString MonitorPanel::exportPng(const QString &path)
{
    feedPage(m_charts->pages->currentIndex());
    if (!m_charts->pages->currentWidget()->grab().save(path, "PNG"))
        return tr("Cannot write %1").arg(path);
    return {};
}

} // namespace quorum::ui
