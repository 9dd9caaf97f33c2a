#pragma once

// The one place the UI crosses into the cluster engine. The bridge embeds an engine
// (rpc::EngineHost behind an in-process gRPC server) and reaches it only through the
// generated quorum.v1 client, exactly as it would reach a quorumd daemon. The engine runs on
// its own thread; what the UI sees arrives on the UI thread as immutable values: a LiveState
// snapshot and the telemetry received since the last one, delivered together by a timer at
// about 10 Hz (never one repaint per event).
//
// Thread rules: create and use on the UI thread. A private thread reads the Watch stream.

#include "engine/model/Topology.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <functional>
#include <optional>
#include <memory>

namespace quorum::ui {

/// One pod mark on a node.
struct LivePod {
    QString name;     ///< "<namespace>/<name>"
    QString workload;
    QString phase;    ///< Pending, ContainerCreating, Running, Succeeded, Failed, Terminating
    bool ready = false;
};

struct LiveNode {
    QString name;
    bool up = false;
    QString ready;      ///< the Node's Ready condition: True, False, Unknown, or "" (not registered)
    bool partitioned = false;
    QStringList stopped; ///< components stopped on their own
    bool etcdLeader = false;
    QStringList leaseHolderOf; ///< kube-controller-manager, kube-scheduler
    bool vipHolder = false;
    QVector<LivePod> pods;
};

/// One step of a drill: the plan and, once it ran, what was observed.
struct LiveDrillStep {
    int index = 0;
    qint64 atMicros = 0;
    int line = 0;
    bool expectation = false;
    QString action;
    QString explanation;
    QString prediction;
    qint64 predictedWithinMicros = -1; ///< -1: no time bound
    qint64 predictedAfterMicros = -1;  ///< -1: no lower bound
    bool ran = false;
    bool decided = false;
    bool passed = false;
    qint64 observedMicros = -1;        ///< -1: not observed (yet)
    QString detail;
};

/// The scenario the run plays, when it plays one.
struct LiveDrill {
    bool active = false;
    QString name;
    QString description;
    qint64 durationMicros = 0;
    QVector<LiveDrillStep> steps;
    QStringList stepErrors;
    bool finished = false;
};

/// The cluster as the engine last reported it.
struct LiveState {
    bool deployed = false;
    bool running = false;
    double speed = 1;
    qint64 virtualMicros = 0;
    QString leader;     ///< node of the etcd leader ("" when none)
    quint64 term = 0;
    int votersUp = 0;
    int votersTotal = 0;
    int needed = 0;
    bool writesAvailable = false;
    QVector<LiveNode> nodes;
    LiveDrill drill;

    const LiveNode *node(const QString &name) const;
};

/// One sample of the cluster (one per virtual second), what the charts plot.
struct LiveSample {
    struct Member {
        QString name;
        bool up = false;
        bool leader = false;
        quint64 term = 0;
        quint64 commit = 0;
    };
    qint64 timeMicros = 0;
    QVector<Member> members;
    int votersUp = 0;
    int votersTotal = 0;
    int needed = 0;
    bool writesAvailable = false;
    double writeP50Ms = 0;
    double writeP99Ms = 0;
    QStringList leaseNames;   ///< parallel to leaseHolders
    QStringList leaseHolders; ///< holder identity ("" when none)
    int nodesReady = 0;
    int nodesTotal = 0;
    QVector<int> podsByPhase; ///< Pending, ContainerCreating, Running, Succeeded, Failed, Terminating
    double clientSuccessRate = 100;
    quint64 clientRequests = 0;
    QStringList workloads;      ///< in name order; parallel to the two below
    QVector<int> workloadReady;
    QVector<int> workloadDesired;
    QStringList backends;          ///< in name order; parallel to backendRequests
    QVector<quint64> backendRequests; ///< client requests each backend (node) served in the sample's window
    QVector<LiveNode> nodes;    ///< recorded samples only (replay): every node as the diagram showed it
};

/// One telemetry event, as the events panel shows it.
struct LiveEvent {
    qint64 timeMicros = 0;
    QString kind;
    bool warning = false;
    QString object;
    QString reason;
    QString message;
};

/// A run in the recording file.
struct RecordedRun {
    qint64 id = 0;
    QString started;   ///< "2026-12-02 14:05:09 UTC"
    QString topology;
    quint64 seed = 0;
    QString scenario;  ///< "" for an interactive run
};

/// A recorded run's telemetry, in time order.
struct Recording {
    QVector<LiveSample> samples;
    QVector<LiveEvent> events;
};

class EngineBridge : public QObject {
    Q_OBJECT

public:
    explicit EngineBridge(QObject *parent = nullptr);
    ~EngineBridge() override;

    /// Boots `topology` in the engine, paused at virtual time 0 (replacing any run). On
    /// failure returns false and `errors` lists what the engine refused.
    bool deploy(const model::Topology &topology, QStringList *errors = nullptr);
    /// Boots a scenario in the engine (RunScenario): its design, paused at 0, with its steps
    /// scheduled. `files` are the files it names (its topology, apply manifests), keyed by the
    /// path as the scenario writes it. On failure returns false with the engine's diagnostics.
    bool runScenario(const QString &yaml, const QString &sourceName, const QMap<QString, QString> &files,
                     QStringList *errors = nullptr);
    /// Runs at `speed` (0.25 .. 1000), pauses, or advances `micros` of virtual time. With
    /// `pauseAtMicros` > 0 the run pauses when virtual time gets there.
    bool run(double speed, qint64 pauseAtMicros = 0);
    void pause();
    void step(qint64 micros);
    /// Injects a fault (engine.proto's FaultRequest kinds); false with `message` when refused.
    bool fault(const QString &kind, const QString &target, const QString &component = {}, QString *message = nullptr);
    /// Heals `node`, or everything when empty.
    bool heal(const QString &node = {});
    /// The verdict of an asynchronous fault or heal: accepted, or refused with the engine's reason.
    using Done = std::function<void(bool ok, const QString &message)>;
    /// As fault() and heal(), without waiting: a fault such as restarting a node takes the engine
    /// a moment, and the UI thread never waits for it. `done` runs later on the UI thread (not
    /// at all when the bridge is gone by then); a state update follows it.
    void faultAsync(const QString &kind, const QString &target, const QString &component = {}, Done done = {});
    void healAsync(const QString &node = {}, Done done = {});

    /// Where runs are recorded (a SQLite file; "" records nothing). Default: recordings.sqlite
    /// in the application's data folder. Applies to the next deploy.
    void setRecordPath(const QString &path) { m_recordPath = path; }
    QString recordPath() const { return m_recordPath; }
    /// Runs kept in recordPath(): when a run starts, the oldest ones go so that at most this
    /// many remain (0 keeps every run).
    static constexpr int kDefaultKeptRuns = 20;
    void setKeptRuns(int runs) { m_keepRuns = runs; }
    int keptRuns() const { return m_keepRuns; }
    /// The runs recorded in recordPath(), oldest first; empty with `error` set when the file
    /// cannot be read (the message names it).
    QVector<RecordedRun> recordings(QString *error = nullptr) const;
    /// Makes the engine commit what it recorded of the current run (it commits at least once a
    /// second and on pause by itself); before a save copies the recording.
    void commitRecording();
    /// Reads one recorded run (ReadRecording); false with `error` naming the file on failure.
    bool readRecording(qint64 run, Recording &out, QString *error = nullptr) const;
    /// readRecording() on a pool thread (a long run is thousands of samples); `done` runs on
    /// the UI thread with the outcome (not at all when the bridge is gone by then).
    using RecordingRead = std::function<void(bool ok, Recording recording, const QString &error)>;
    void readRecordingAsync(qint64 run, RecordingRead done);

    const LiveState &state() const { return m_state; }
    /// Asks the engine for its state now (instead of waiting for the next tick).
    void refresh();

signals:
    /// A new state, with the events that arrived since the previous one (about 10 Hz while a
    /// design is deployed).
    void updated(const quorum::ui::LiveState &state, const QVector<quorum::ui::LiveEvent> &events);
    /// Samples that arrived since the previous batch (same timer); a new run starts with
    /// cleared() first.
    void samplesArrived(const QVector<quorum::ui::LiveSample> &samples);
    /// A new run was deployed: what was plotted belongs to the old one.
    void cleared();

private:
    struct Engine;
    /// The timer's update: GetState on a pool thread, delivered on the UI thread.
    void tick();
    /// Shows `state` (with the telemetry queued since) unless a newer one was shown already.
    void deliver(LiveState state, quint64 ticket);
    /// After a successful load: the old run's telemetry is dropped and the new one watched.
    void startRun();
    void startWatch();
    void stopWatch();
    /// Runs `call` on a pool thread, then `done` with its verdict on the UI thread (at once with
    /// a refusal when `call` is empty: there is no engine).
    void runAsync(std::function<std::pair<bool, QString>()> call, Done done);

    std::unique_ptr<Engine> m_engine;
    QString m_recordPath;
    int m_keepRuns = kDefaultKeptRuns;
    LiveState m_state;
    bool m_fetching = false;  ///< a timer GetState is in flight
    quint64 m_tickets = 0;    ///< GetState requests made, numbered
    quint64 m_delivered = 0;  ///< the newest one shown
    QTimer m_timer;
};

} // namespace quorum::ui
