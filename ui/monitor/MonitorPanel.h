#pragma once

// The dashboards of a running design (Qt Charts lives in this folder only). Control plane: the
// leadership timeline (a lane per etcd member, its leader periods, down periods, the term),
// quorum (voters up against the quorum needed, with a band where writes are unavailable), the
// commit index with the API write latency, and the holders of the kube-controller-manager and
// kube-scheduler leases. Workloads: pods by phase (stacked), ready replicas per workload, and
// the clients' success rate with the nodes Ready, and the clients' requests per backend. The charts follow virtual
// time (Follow), can be zoomed with the mouse, and exported as PNG and CSV. They are fed in
// batches from EngineBridge (about 10 Hz, never one repaint per sample); each series keeps at
// most kMaxPoints points (older ones are thinned out), and at most a day of samples is kept.
// Only the page on screen is fed: a hidden page (the other tab, or the dock hidden or tabbed
// away) takes the samples it missed (as far as they are kept) in one go when it is shown or read.
//
// Thread rules: UI thread only.

#include "ui/bridge/EngineBridge.h"

#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace quorum::ui {

class MonitorPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxPoints = 300;
    static constexpr int kMaxSamples = 24 * 3600;
    /// Samples beyond kMaxSamples before the oldest are dropped, in one go (dropping a few from
    /// the front of a day of samples on every batch moves the whole day each time).
    static constexpr int kTrimSlack = 3600;
    /// Series of the requests-per-backend chart; later backends are summed as "other".
    static constexpr int kMaxBackends = 12;

    explicit MonitorPanel(EngineBridge *engine, QWidget *parent = nullptr);
    ~MonitorPanel() override;

    /// Samples received for the current run (oldest first; at most kMaxSamples + kTrimSlack).
    const QVector<LiveSample> &samples() const { return m_samples; }
    /// The etcd member that led at the last sample at or before `micros` ("" when none).
    QString leaderAt(qint64 micros) const;
    /// Points of the leadership lane of `member` (x: virtual seconds).
    QList<QPointF> leaderPoints(const QString &member) const;
    /// Points of lease `lease`'s lane held by a node (x: virtual seconds).
    QList<QPointF> leaseHolderPoints(const QString &lease, const QString &node) const;
    /// Backends (the nodes that served the clients' requests) of the requests-per-backend chart,
    /// in series order.
    QStringList backendNames() const;
    /// Points of a backend's series (x: virtual seconds, y: requests in that sample's window).
    QList<QPointF> backendPoints(const QString &backend) const;
    /// The quorum chart's voters-up points.
    QList<QPointF> votersUpPoints() const;
    /// Shows page `page` (0 Control plane, 1 Workloads).
    void showPage(int page);
    /// CPU time the UI thread spent on the charts (feeding batches and repainting the views).
    double chartCpuSeconds() const;

    /// Writes every sample as CSV (time_s, leader, term, voters_up, needed, writes_available,
    /// nodes_ready, pods by phase, client_success_rate); an error message naming the file, or
    /// "" on success.
    QString exportCsv(const QString &path) const;
    /// Saves the dashboards as a PNG; same error convention.
    QString exportPng(const QString &path);

    /// Replay: the charts show `samples` (a recorded run up to the scrubbed time) instead of the
    /// live run, whose samples keep arriving in the background until endReplay() shows them again.
    void showReplay(const QVector<LiveSample> &samples);
    void endReplay();
    bool replaying() const { return m_replaying; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Charts;
    static constexpr int kPages = 2; // Control plane, Workloads
    /// Colours the charts' background, titles, labels and grid from the application palette.
    void followPalette();
    void clear();
    void onLiveSamples(const QVector<LiveSample> &samples);
    void onLiveCleared();
    void append(const QVector<LiveSample> &samples);
    bool pageShown(int page) const;
    /// Hands page `page` its pending batches (const: the readers above call it first; the
    /// charts are behind m_charts).
    void feedPage(int page) const;
    void feedControlPlane(const QVector<LiveSample> &samples) const;
    void feedWorkloads(const QVector<LiveSample> &samples) const;
    void followTo(double seconds);
    void followPage(int page, double seconds) const;

    EngineBridge *m_engine;
    std::unique_ptr<Charts> m_charts;
    QVector<LiveSample> m_samples;
    QVector<LiveSample> m_liveSamples; ///< while replaying: the live run's samples, kept aside
    qint64 m_appended = 0;              ///< samples appended since the last clear()
    mutable qint64 m_fed[kPages] = {};  ///< per page: m_appended when it was last fed
    mutable qint64 m_chartNanos = 0;
    bool m_replaying = false;
    QCheckBox *m_follow = nullptr;
};

} // namespace quorum::ui
