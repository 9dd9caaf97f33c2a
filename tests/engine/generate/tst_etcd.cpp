// Real etcd (Debian's etcd-server) from the generated external-etcd configuration: three members
// on 127.0.0.1, with their addresses and ports remapped to free loopback ports and TLS
// certificates made for the test, form a cluster, elect a leader and commit a write. Two
// members start from the config files, one from the flags file, so both formats are proven.
// Members are stopped by PID; the folder with data and certificates is removed.

#include "GenerateTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <signal.h>

using namespace quorum;
using namespace quorum::generate;
using namespace quorum::generate::test;

namespace {

/// Free TCP ports on 127.0.0.1: all are held open until every one is chosen, so they differ.
QList<int> freeLoopbackPorts(int count)
{
    QList<int> ports;
    std::vector<int> sockets;
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof addr;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
            if (fd >= 0)
                ::close(fd);
            break;
        }
        sockets.push_back(fd);
        ports << ntohs(addr.sin_port);
    }
    for (int fd : sockets)
        ::close(fd);
    return ports;
}

/// Stops the started members by PID when the test ends, however it ends.
struct Members {
    std::vector<std::unique_ptr<QProcess>> processes;
    ~Members()
    {
        for (auto &p : processes) {
            if (p->state() == QProcess::NotRunning)
                continue;
            ::kill(static_cast<pid_t>(p->processId()), SIGTERM);
            if (!p->waitForFinished(5000)) {
                ::kill(static_cast<pid_t>(p->processId()), SIGKILL);
                p->waitForFinished(5000);
            }
        }
    }
};

bool makeCertificates(const QString &dir, QString &log)
{
    const QString openssl = QStringLiteral(OPENSSL_PATH);
    const QStringList ec{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
    if (!writeFile(dir + "/ext.cnf", "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                     "extendedKeyUsage=serverAuth,clientAuth\n"
                                     "keyUsage=critical,digitalSignature,keyEncipherment\n"))
        return false;
    const QList<QStringList> steps{
        QStringList{"req", "-x509"} + ec + QStringList{"-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=quorum-test-ca"},
        QStringList{"req"} + ec + QStringList{"-keyout", "member.key", "-out", "member.csr", "-subj", "/CN=etcd-member"},
        QStringList{"x509", "-req", "-in", "member.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "member.crt", "-days", "1", "-extfile", "ext.cnf"},
    };
    for (const QStringList &args : steps) {
        const ToolRun run = runTool(openssl, args, 20000, dir);
        log += run.output;
        if (!run.finished || run.exitCode != 0)
            return false;
    }
    return true;
}

} // namespace

class TestEtcd : public QObject {
    Q_OBJECT

private slots:
    void generatedMembersFormAClusterAndElectALeader();
};

void TestEtcd::generatedMembersFormAClusterAndElectALeader()
{
    QUORUM_REQUIRE_TOOL(ETCD_PATH, "etcd-server");
    QUORUM_REQUIRE_TOOL(ETCDCTL_PATH, "etcd-client");
    QUORUM_REQUIRE_TOOL(OPENSSL_PATH, "openssl");

    const model::Topology design = loadTemplate("external-etcd");
    const GenerateResult generated = generateArtifacts(design);
    QVERIFY(generated.ok());
    std::vector<const model::Node *> members = design.nodesRunning(model::Component::Etcd);
    QCOMPARE(members.size(), std::size_t(3));

    QTemporaryDir root;
    QVERIFY(root.isValid());
    QString log;
    QVERIFY2(makeCertificates(root.path(), log), qPrintable(log));
    const QList<int> ports = freeLoopbackPorts(6);
    QCOMPARE(ports.size(), 6);

    // The generated files, rewritten the way an operator moving them to other machines would:
    // addresses and ports, certificate paths, data folders.
    auto remap = [&](QByteArray text, std::size_t self) {
        for (std::size_t j = 0; j < members.size(); ++j) {
            const QByteArray address = QByteArray::fromStdString(members[j]->address);
            text.replace("https://" + address + ":2380", "https://127.0.0.1:" + QByteArray::number(ports[int(2 * j)]));
            text.replace("https://" + address + ":2379", "https://127.0.0.1:" + QByteArray::number(ports[int(2 * j + 1)]));
        }
        // The generated client listener also serves https://127.0.0.1:2379 locally; here the
        // member's own address is 127.0.0.1 already, so that second listener goes.
        text.replace(",https://127.0.0.1:2379", "");
        const QByteArray pki = root.path().toUtf8();
        text.replace("/etc/kubernetes/pki/etcd/ca.crt", pki + "/ca.crt");
        for (const char *which : {"server", "peer"}) {
            text.replace("/etc/kubernetes/pki/etcd/" + QByteArray(which) + ".crt", pki + "/member.crt");
            text.replace("/etc/kubernetes/pki/etcd/" + QByteArray(which) + ".key", pki + "/member.key");
        }
        text.replace("/var/lib/etcd", pki + "/data-" + QByteArray::number(int(self)));
        return text;
    };

    Members running;
    QStringList endpoints;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const QString name = QString::fromStdString(members[i]->name);
        const GeneratedFile *config = generated.find("etcd/" + members[i]->name + ".yaml");
        const GeneratedFile *flags = generated.find("etcd/" + members[i]->name + ".flags");
        QVERIFY(config && flags);
        QStringList args;
        if (i < 2) {
            const QString path = root.filePath(name + ".yaml");
            QVERIFY(writeFile(path, remap(QByteArray::fromStdString(config->content), i)));
            args << "--config-file" << path;
        } else {
            for (const QByteArray &line : remap(QByteArray::fromStdString(flags->content), i).split('\n'))
                if (!line.isEmpty() && !line.startsWith('#'))
                    args << QString::fromUtf8(line);
        }
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->setStandardOutputFile(root.filePath(name + ".log"));
        p->start(ETCD_PATH, args);
        QVERIFY2(p->waitForStarted(10000), qPrintable(p->errorString()));
        running.processes.push_back(std::move(p));
        endpoints << QStringLiteral("https://127.0.0.1:%1").arg(ports[int(2 * i + 1)]);
    }

    const QStringList tls{"--cacert", root.filePath("ca.crt"), "--cert", root.filePath("member.crt"), "--key",
                          root.filePath("member.key"), "--dial-timeout", "2s", "--command-timeout", "3s",
                          "--endpoints", endpoints.join(',')};
    QElapsedTimer clock;
    clock.start();
    bool elected = false;
    QString lastOutput;
    while (!elected && clock.elapsed() < 30000) {
        for (const auto &p : running.processes)
            QVERIFY2(p->state() == QProcess::Running,
                     qPrintable("an etcd member exited:\n" + readFile(root.filePath("etcd-1.log")).right(3000)));
        const ToolRun status = runTool(ETCDCTL_PATH, tls + QStringList{"endpoint", "status", "-w", "json"}, 10000);
        lastOutput = status.output;
        const QJsonArray array = QJsonDocument::fromJson(status.output.toUtf8()).array();
        if (status.exitCode == 0 && array.size() == 3) {
            QSet<QString> leaders;
            for (const QJsonValue &v : array)
                leaders << QString::number(v.toObject()["Status"].toObject()["leader"].toDouble(), 'f', 0);
            elected = leaders.size() == 1 && *leaders.begin() != "0";
        }
        if (!elected)
            QTest::qWait(300);
    }
    QVERIFY2(elected, qPrintable("no leader within 30 s; last status:\n" + lastOutput + "\netcd-1 log:\n" +
                                  readFile(root.filePath("etcd-1.log")).right(3000)));
    qInfo("leader elected after %lld ms", static_cast<long long>(clock.elapsed()));

    const ToolRun members3 = runTool(ETCDCTL_PATH, tls + QStringList{"member", "list"}, 10000);
    QCOMPARE(members3.output.count("started"), 3);
    for (const model::Node *m : members)
        QVERIFY(members3.output.contains(QString::fromStdString(m->name)));
    const ToolRun put = runTool(ETCDCTL_PATH, tls + QStringList{"put", "/quorum/generated", "yes"}, 10000);
    QVERIFY2(put.exitCode == 0 && put.output.contains("OK"), qPrintable(put.output));
    const ToolRun get = runTool(ETCDCTL_PATH, tls + QStringList{"get", "/quorum/generated", "--print-value-only"}, 10000);
    QCOMPARE(get.output.trimmed(), QStringLiteral("yes"));
}

QTEST_GUILESS_MAIN(TestEtcd)
#include "tst_etcd.moc"
