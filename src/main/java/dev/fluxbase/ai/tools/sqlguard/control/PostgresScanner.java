package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits and cleans SQL exactly as PostgreSQL's lexer would, before JSqlParser sees it. JSqlParser's lexer
 * disagrees with PostgreSQL's on nested comments, backslashes in {@code E'...'} strings and dollar quoting,
 * and such disagreements let a second statement hide inside what JSqlParser takes for one literal or comment
 * ({@code SELECT E'\'', 1; DELETE FROM t; -- '} is one statement to JSqlParser, two to PostgreSQL).
 * So this scanner decides statement boundaries, strips comments the PostgreSQL way, and refuses every
 * literal form whose extent the two lexers could read differently. It also refuses commands such as COPY or DO
 * by their first word, since JSqlParser cannot parse many of them.
 */
final class PostgresScanner {

    static final int MAX_NESTING = 64;

    private final String sql;
    private final char[] text;
    private final List<Integer> questionMarks = new ArrayList<>();
    private int pos;
    private int depth;
    private boolean content;
    private boolean pastOpeningParentheses;
    private boolean terminated;

    private PostgresScanner(String sql) {
        this.sql = sql;
        this.text = sql.toCharArray();
    }

    /**
     * Returns the single statement with comments and its terminating semicolon blanked out: the same length and
     * line breaks as the input, so parser positions still point at the original.
     */
    static String scan(String sql) {
        return new PostgresScanner(sql).scan();
    }

    /**
     * {@link #scan}, with every {@code ?} outside literals and quoted identifiers doubled: in a JDBC prepared
     * statement a single {@code ?} is a placeholder, and {@code ??} PgJDBC's escape for the operator character
     * (the jsonb operators {@code ?}, {@code ?|} and {@code ?&}).
     */
    static String scanForPreparedStatement(String sql) {
        PostgresScanner scanner = new PostgresScanner(sql);
        String scanned = scanner.scan();
        StringBuilder escaped = new StringBuilder(scanned.length() + scanner.questionMarks.size());
        int from = 0;
        for (int at : scanner.questionMarks) {
            escaped.append(scanned, from, at + 1).append('?');
            from = at + 1;
        }
        return escaped.append(scanned, from, scanned.length()).toString();
    }

    private String scan() {
        while (pos < text.length) {
            step();
        }
        if (!content) {
            throw Refusal.empty();
        }
        return new String(text);
    }

    private void step() {
        char c = text[pos];
        if (isSpace(c)) {
            pos++;
        } else if (startsWith("--")) {
            lineComment();
        } else if (startsWith("/*")) {
            blockComment();
        } else if (terminated) {
            throw Refusal.multipleStatements();
        } else if (c == ';') {
            text[pos++] = ' ';
            terminated = true;
        } else {
            token(c);
            content = true;
            pastOpeningParentheses |= c != '(';
        }
    }

    private void token(char c) {
        if (c == '\'') {
            string(false);
        } else if (c == '"') {
            quotedIdentifier();
        } else if (c == '$') {
            parameter();
        } else if (isIdentifierStart(c)) {
            word();
        } else if (isDigit(c) || c == '.' && pos + 1 < text.length && isDigit(text[pos + 1])) {
            number();
        } else {
            punctuation(c);
        }
    }

    private void lineComment() {
        while (pos < text.length && text[pos] != '\n' && text[pos] != '\r') {
            text[pos++] = ' ';
        }
    }

    /** PostgreSQL block comments nest; JSqlParser's do not, which is why comments never reach it. */
    private void blockComment() {
        int nesting = 0;
        do {
            if (pos >= text.length) {
                throw Refusal.unparseable("unterminated /* comment");
            }
            if (startsWith("/*")) {
                nesting++;
                blank(2);
            } else if (startsWith("*/")) {
                nesting--;
                blank(2);
            } else {
                blank(1);
            }
        } while (nesting > 0);
    }

    private void blank(int count) {
        for (int i = 0; i < count; i++, pos++) {
            if (text[pos] != '\n' && text[pos] != '\r') {
                text[pos] = ' ';
            }
        }
    }

    /**
     * A backslash right before a quote ends the literal in one reading and escapes the quote in another
     * ({@code E''} strings, {@code standard_conforming_strings = off}); refusing it makes every reading agree.
     */
    private void string(boolean backslashEscapes) {
        pos++;
        while (true) {
            char c = charAt(pos, "unterminated quoted string");
            if (c == '\\') {
                if (pos + 1 < text.length && text[pos + 1] == '\'') {
                    throw Refusal.unparseable(
                            "a backslash before a quote in a string literal is ambiguous (write '' for a quote)");
                }
                pos += backslashEscapes ? 2 : 1;
            } else if (c == '\'') {
                pos++;
                if (pos >= text.length || text[pos] != '\'') {
                    return;
                }
                pos++;
            } else {
                pos++;
            }
        }
    }

    private void quotedIdentifier() {
        pos++;
        while (true) {
            char c = charAt(pos, "unterminated quoted identifier");
            pos++;
            if (c == '"') {
                if (pos >= text.length || text[pos] != '"') {
                    return;
                }
                pos++;
            }
        }
    }

    /** {@code $1} is a parameter; anything else after a dollar sign opens a dollar-quoted string. */
    private void parameter() {
        pos++;
        if (pos >= text.length || !isDigit(text[pos])) {
            throw Refusal.unparseable("dollar-quoted strings are not supported");
        }
        while (pos < text.length && isDigit(text[pos])) {
            pos++;
        }
    }

    private void word() {
        int start = pos;
        while (pos < text.length && isIdentifierPart(text[pos])) {
            pos++;
        }
        String word = sql.substring(start, pos);
        if (!pastOpeningParentheses) {
            StatementKinds.refuseCommand(word.toUpperCase(Locale.ROOT)); // before its body can fail to scan
        }
        prefixedLiteral(word);
    }

    /** {@code E'...'} allows backslash escapes; {@code U&'...'} and {@code U&"..."} can spell any name in escapes. */
    private void prefixedLiteral(String word) {
        boolean quoteFollows = pos < text.length && text[pos] == '\'';
        if (word.equalsIgnoreCase("e") && quoteFollows) {
            string(true);
        } else if (word.equalsIgnoreCase("u") && (startsWith("&'") || startsWith("&\""))) {
            throw Refusal.unparseable("Unicode escape literals (U&) are not supported");
        }
    }

    /**
     * Never swallows a '-' or '/' that PostgreSQL would read as the start of a comment. Refuses the forms that
     * PostgreSQL versions read differently: {@code 0x1F}, {@code 0o17}, {@code 0b101} and {@code 1_000} are numbers
     * from version 16 on but a number and a name (an alias) before it, and a number with letters right after it
     * ({@code 1from}, {@code 1e}) is a number and a key word to version 14 and an error from version 15 on.
     */
    private void number() {
        int start = pos;
        while (pos < text.length && (isDigit(text[pos]) || text[pos] == '.')) {
            pos++;
        }
        if (pos < text.length && (text[pos] == 'e' || text[pos] == 'E')) {
            exponent();
        }
        if (pos < text.length && isIdentifierPart(text[pos])) {
            throw Refusal.unparseable("a number directly followed by '" + text[pos] + "' at position " + (start + 1)
                    + " is read differently by PostgreSQL versions; put a space after the number");
        }
    }

    private void exponent() {
        int digits = pos + 1 < text.length && (text[pos + 1] == '+' || text[pos + 1] == '-') ? pos + 2 : pos + 1;
        if (digits < text.length && isDigit(text[digits])) {
            pos = digits;
            while (pos < text.length && isDigit(text[pos])) {
                pos++;
            }
        }
    }

    private void punctuation(char c) {
        if (c == '(') {
            if (++depth > MAX_NESTING) {
                throw Refusal.unparseable("nested more than " + MAX_NESTING + " parentheses deep");
            }
        } else if (c == ')') {
            depth--;
        } else if (c == '?') {
            questionMarks.add(pos);
        } else if (isForeignSyntax(c)) {
            throw Refusal.unparseable("unexpected character '" + c + "' at position " + (pos + 1));
        } else if (c < 0x20 || c >= 0x80 && !isIdentifierStart(c)) {
            throw Refusal.unparseable(String.format("unexpected character U+%04X at position %d", (int) c, pos + 1));
        }
        pos++;
    }

    /**
     * Characters PostgreSQL rejects or reads as operators but JSqlParser reads as something else: backtick
     * identifiers, JDBC escapes and {@code //} comments could hide text from the checks that PostgreSQL still parses.
     */
    private boolean isForeignSyntax(char c) {
        return c == '`' || c == '{' || c == '}' || c == '\\' || c == '/' && startsWith("//");
    }

    private char charAt(int index, String failure) {
        if (index >= text.length) {
            throw Refusal.unparseable(failure);
        }
        return text[index];
    }

    private boolean startsWith(String prefix) {
        return sql.startsWith(prefix, pos);
    }

    /** PostgreSQL's whitespace; other Unicode spaces are letters to it but separators to JSqlParser. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c);
    }

    private static boolean isIdentifierPart(char c) {
        int type = Character.getType(c);
        return isIdentifierStart(c) || isDigit(c) || c == '$' || c >= 0x80 && Character.isLetterOrDigit(c)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
