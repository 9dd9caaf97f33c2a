#include "ui/artifacts/ArtifactHighlighter.h"

#include "ui/common/Appearance.h"

#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QRegularExpression>
#include <QStringList>

namespace quorum::ui {

namespace {

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

bool isNumberAt(const QString &text, int start, int end)
{
    if (start > 0 && (text[start - 1].isLetterOrNumber() || text[start - 1] == QLatin1Char('_')
                      || text[start - 1] == QLatin1Char('-') || text[start - 1] == QLatin1Char('.')))
        return false;
    return end >= text.size() || !(text[end].isLetter() || text[end] == QLatin1Char('_'));
}

} // namespace

ArtifactHighlighter::ArtifactHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setColors(isDarkAppearance());
    connect(AppearanceNotifier::instance(), &AppearanceNotifier::changed, this, [this](bool dark) {
        setColors(dark);
        rehighlight();
    });
}

void ArtifactHighlighter::setColors(bool dark)
{
    struct Scheme {
        QColor comment, key, string, number, keyword, text;
        QColor addedBack, addedText, removedBack, removedText, hunkBack, hunkText;
    };
    static const Scheme light{{0x6A, 0x73, 0x7D}, {0x00, 0x5C, 0xC5}, {0x0A, 0x7A, 0x3E}, {0xB3, 0x50, 0x00},
                              {0x8A, 0x2B, 0xB5}, {0x1D, 0x29, 0x39}, {0xE6, 0xF6, 0xEA}, {0x11, 0x63, 0x29},
                              {0xFD, 0xEB, 0xEC}, {0xA4, 0x0E, 0x26}, {0xEE, 0xF3, 0xFB}, {0x00, 0x5C, 0xC5}};
    static const Scheme darkScheme{{0x8B, 0x94, 0x9E}, {0x79, 0xC0, 0xFF}, {0x7E, 0xE7, 0x87}, {0xFF, 0xA6, 0x57},
                                   {0xD2, 0xA8, 0xFF}, {0xE6, 0xED, 0xF3}, {0x1B, 0x3A, 0x26}, {0x7E, 0xE7, 0x87},
                                   {0x4A, 0x1F, 0x24}, {0xFF, 0xA1, 0x98}, {0x1C, 0x2A, 0x3D}, {0x79, 0xC0, 0xFF}};
    const Scheme &c = dark ? darkScheme : light;
    m_comment = makeFormat(c.comment, false, true);
    m_key = makeFormat(c.key, true);
    m_string = makeFormat(c.string);
    m_number = makeFormat(c.number);
    m_keyword = makeFormat(c.keyword, true);
    m_fileHeader = makeFormat(c.text, true);
    m_added = QTextCharFormat();
    m_added.setBackground(c.addedBack);
    m_added.setForeground(c.addedText);
    m_removed = QTextCharFormat();
    m_removed.setBackground(c.removedBack);
    m_removed.setForeground(c.removedText);
    m_hunk = makeFormat(c.hunkText, true);
    m_hunk.setBackground(c.hunkBack);
}

ArtifactHighlighter::Language ArtifactHighlighter::languageFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return Language::Yaml;
    if (suffix == QLatin1String("cfg") || suffix == QLatin1String("conf") || suffix == QLatin1String("env"))
        return Language::Config;
    if (suffix == QLatin1String("sh"))
        return Language::Shell;
    if (suffix == QLatin1String("md"))
        return Language::Markdown;
    if (suffix == QLatin1String("diff") || suffix == QLatin1String("patch"))
        return Language::Diff;
    return Language::Plain;
}

void ArtifactHighlighter::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    rehighlight();
}

void ArtifactHighlighter::highlightBlock(const QString &text)
{
    switch (m_language) {
    case Language::Yaml: highlightYaml(text); break;
    case Language::Config: highlightConfig(text); break;
    case Language::Shell: highlightShell(text); break;
    case Language::Markdown: highlightMarkdown(text); break;
    case Language::Diff: highlightDiff(text); break;
    case Language::Plain: break;
    }
}

void ArtifactHighlighter::highlightYaml(const QString &text)
{
    static const QRegularExpression documentMarker(QStringLiteral(R"(^(---|\.\.\.)\s*$)"));
    static const QRegularExpression key(QStringLiteral(R"(^(\s*(?:-\s+)*)([A-Za-z0-9_./${}"'-]+)\s*:(?=\s|$))"));
    if (documentMarker.match(text).hasMatch()) {
        setFormat(0, static_cast<int>(text.size()), m_keyword);
        return;
    }
    int from = 0;
    if (const QRegularExpressionMatch m = key.match(text); m.hasMatch()) {
        setFormat(static_cast<int>(m.capturedStart(2)), static_cast<int>(m.capturedLength(2)), m_key);
        from = static_cast<int>(m.capturedEnd(0));
    }
    highlightValues(text, from, true);
}

void ArtifactHighlighter::highlightConfig(const QString &text)
{
    // HAProxy, nginx and keepalived: the first word of a line is the directive; section
    // headers ("frontend", "stream {", "vrrp_instance VI_1 {") get the keyword colour.
    static const QStringList sections = {
        QStringLiteral("global"),        QStringLiteral("defaults"),    QStringLiteral("frontend"),
        QStringLiteral("backend"),       QStringLiteral("listen"),      QStringLiteral("stream"),
        QStringLiteral("upstream"),      QStringLiteral("server"),      QStringLiteral("events"),
        QStringLiteral("http"),          QStringLiteral("vrrp_instance"), QStringLiteral("vrrp_script"),
        QStringLiteral("global_defs"),   QStringLiteral("virtual_ipaddress"), QStringLiteral("authentication"),
        QStringLiteral("track_script"),  QStringLiteral("unicast_peer")};
    static const QRegularExpression directive(QStringLiteral(R"(^\s*([A-Za-z_][A-Za-z0-9_.-]*))"));
    int from = 0;
    if (const QRegularExpressionMatch m = directive.match(text); m.hasMatch()) {
        const bool isSection = sections.contains(m.captured(1));
        const bool indented = m.capturedStart(1) > 0;
        setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)),
                  isSection && (!indented || text.trimmed().endsWith(QLatin1Char('{'))) ? m_keyword : m_key);
        from = static_cast<int>(m.capturedEnd(1));
    }
    highlightValues(text, from, true);
}

void ArtifactHighlighter::highlightShell(const QString &text)
{
    static const QRegularExpression keywords(QStringLiteral(
        R"(\b(if|then|else|elif|fi|for|in|do|done|while|case|esac|function|return|exit|set|export|local)\b)"));
    static const QRegularExpression variable(QStringLiteral(R"(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)"));
    if (text.startsWith(QLatin1String("#!"))) {
        setFormat(0, static_cast<int>(text.size()), m_comment);
        return;
    }
    for (auto it = keywords.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_keyword);
    }
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_key);
    }
    highlightValues(text, 0, true);
}

void ArtifactHighlighter::highlightMarkdown(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("`[^`]*`"));
    if (text.startsWith(QLatin1Char('#'))) {
        setFormat(0, static_cast<int>(text.size()), m_keyword);
        return;
    }
    for (auto it = code.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_string);
    }
}

void ArtifactHighlighter::highlightDiff(const QString &text)
{
    const auto length = static_cast<int>(text.size());
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---")))
        setFormat(0, length, m_fileHeader);
    else if (text.startsWith(QLatin1String("@@")))
        setFormat(0, length, m_hunk);
    else if (text.startsWith(QLatin1Char('+')))
        setFormat(0, length, m_added);
    else if (text.startsWith(QLatin1Char('-')))
        setFormat(0, length, m_removed);
}

void ArtifactHighlighter::highlightValues(const QString &text, int from, bool hashComments)
{
    const auto length = static_cast<int>(text.size());
    int i = from;
    while (i < length) {
        const QChar c = text[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            int end = i + 1;
            while (end < length && text[end] != c) {
                if (c == QLatin1Char('"') && text[end] == QLatin1Char('\\'))
                    ++end;
                ++end;
            }
            end = std::min(end + 1, length);
            setFormat(i, end - i, m_string);
            i = end;
        } else if (hashComments && c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace())) {
            setFormat(i, length - i, m_comment);
            return;
        } else if (c.isDigit()) {
            int end = i;
            while (end < length && (text[end].isDigit() || text[end] == QLatin1Char('.')))
                ++end;
            if (isNumberAt(text, i, end))
                setFormat(i, end - i, m_number);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace quorum::ui
