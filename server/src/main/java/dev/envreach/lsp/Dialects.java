package dev.envreach.lsp;

import dev.envreach.syntax.Dialect;

import java.nio.file.Path;

/** Which dialect to parse a file as, from its startup-file name, the client's language id or the shebang. */
final class Dialects {
    private Dialects() {}

    static Dialect forFile(Path homePath, String languageId, String text, String loginShell) {
        String name = homePath.getFileName() == null ? "" : homePath.getFileName().toString();
        if (name.startsWith(".zsh") || name.startsWith(".zlog") || name.startsWith(".zprofile") || name.endsWith(".zsh")) return Dialect.ZSH;
        if (name.startsWith(".bash") || name.endsWith(".bash")) return Dialect.BASH;
        if (name.equals(".profile")) return Dialect.SH;
        if (text.startsWith("#!")) {
            int eol = text.indexOf('\n');
            String line = eol < 0 ? text : text.substring(0, eol);
            if (line.contains("zsh")) return Dialect.ZSH;
            if (line.contains("bash")) return Dialect.BASH;
            if (line.matches("#!\\s*/bin/sh.*|.*env\\s+sh\\b.*|.*/dash.*")) return Dialect.SH;
        }
        if (languageId != null) {
            Dialect d = Dialect.fromId(languageId).orElse(null);
            if (d != null) return d;
        }
        return Dialect.fromId(loginShell).orElse(Dialect.BASH);
    }
}
