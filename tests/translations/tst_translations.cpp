// Every translation is complete and current, keeps its placeholders, and compiles to a working .qm.

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;  // disambiguation
    QString translation;
    QString type;      // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = "cannot open " + path;
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"message") {
            current = Message{context, {}, {}, {}, {}, xml.attributes().value("numerus") == u"yes"};
        } else if (name == u"source")
            current.source = xml.readElementText();
        else if (name == u"comment")
            current.comment = xml.readElementText();
        else if (name == u"translation") {
            current.type = xml.attributes().value("type").toString();
            current.translation = current.numerus ? QString() : xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (current.numerus) {
                // Plural forms: keep the first for the checks below.
                while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == u"numerusform" && current.translation.isEmpty())
                        current.translation = xml.readElementText();
                }
            }
            out.push_back(current);
        }
    }
    if (xml.hasError())
        *error = path + ": " + xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression re("%(n|L?[1-9])");
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("ts");
    const auto files = QDir(TS_DIR).entryList({"*.ts"}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << QString(TS_DIR) + "/" + f;
}

void TestTranslations::complete()
{
    QFETCH(QString, ts);
    // Refresh a copy against today's sources, exactly as update_translations would.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QFileInfo(ts).fileName());
    QVERIFY(QFile::copy(ts, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.start(LUPDATE_PATH, {"-no-obsolete", "-locations", "none", "-tr-function-alias", "QT_TR_NOOP+=QUORUM_TR",
                                 QString("@") + TR_SOURCES_LIST, "-ts", copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);

    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 50);
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + " / \"" + m.source.left(60) + "\"";
        if (m.type == "unfinished" || m.translation.trimmed().isEmpty())
            problems << "untranslated: " + where;
        else if (!m.numerus && placeholders(m.source) != placeholders(m.translation))
            problems << "placeholders differ: " + where;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    qInfo("%lld messages, all translated", static_cast<long long>(messages.size()));

    // The compiled catalogue translates what the .ts says.
    QTranslator translator;
    const QString qm = QString(QM_DIR) + "/" + QFileInfo(ts).completeBaseName() + ".qm";
    QVERIFY2(translator.load(qm), qPrintable("cannot load " + qm));
    int checked = 0;
    for (const Message &m : messages) {
        if (m.numerus)
            continue;
        QCOMPARE(translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                      m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData()), m.translation);
        ++checked;
    }
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
