#pragma once

// Syntax highlighting for the Artifacts panel: YAML, HAProxy / nginx / keepalived configs,
// shell scripts, Markdown and unified diffs. Line-based on purpose: generated files are
// regular, and a rule per line keeps the highlighter cheap on large manifests.
// Colours for a light or a dark background, following the application's appearance.
// Main (GUI) thread only, like every QSyntaxHighlighter.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextDocument;

namespace quorum::ui {

class ArtifactHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    enum class Language { Plain, Yaml, Config, Shell, Markdown, Diff };

    /// Starts with the colours of the application's appearance and follows its changes.
    explicit ArtifactHighlighter(QTextDocument *document);

    /// The language of a generated file, from its name ("haproxy.cfg" -> Config).
    static Language languageFor(const QString &path);

    /// Changes the language and rehighlights the document.
    void setLanguage(Language language);
    Language language() const { return m_language; }

protected:
    void highlightBlock(const QString &text) override;

private:
    /// The formats for a dark (true) or light background.
    void setColors(bool dark);
    void highlightYaml(const QString &text);
    void highlightConfig(const QString &text);
    void highlightShell(const QString &text);
    void highlightMarkdown(const QString &text);
    void highlightDiff(const QString &text);
    /// Quoted strings and numbers in [from, to), then a trailing comment from the first
    /// unquoted '#' (when hashComments).
    void highlightValues(const QString &text, int from, bool hashComments);

    Language m_language = Language::Plain;
    QTextCharFormat m_comment;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_added;
    QTextCharFormat m_removed;
    QTextCharFormat m_hunk;
    QTextCharFormat m_fileHeader;
};

} // namespace quorum::ui
