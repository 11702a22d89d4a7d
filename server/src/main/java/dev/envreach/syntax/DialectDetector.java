package dev.envreach.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which dialect a file is written in. The first rule that gives an answer wins:
 * <ol>
 *   <li>an explicit override given by the caller (the {@code --dialect} option, a client setting);</li>
 *   <li>the file name of a startup file the shell itself reads ({@code .bashrc}, {@code .zshrc},
 *       {@code .profile}, ...), also under dotfile-manager names: chezmoi {@code dot_zshrc},
 *       {@code private_dot_bashrc.tmpl}; GNU stow {@code dot-bashrc}; yadm alternates
 *       {@code .zshrc##os.Linux}; {@code skel.bashrc}, {@code zshrc.symlink}, {@code example.bashrc},
 *       {@code .bash_*}, {@code .zsh_*}; and the extensions {@code .bash}, {@code .zsh} and {@code .zsh-theme}.
 *       The shell that reads a startup file does not look at its {@code #!} line, so the name beats the text;</li>
 *   <li>the {@code #!} line ({@code #!/bin/zsh}, {@code #!/usr/bin/env bash}, {@code #!/usr/bin/env -S zsh -f}),
 *       or a zsh {@code #compdef}/{@code #autoload} tag on the first line;</li>
 *   <li>a {@code # shellcheck shell=X} or {@code # envreach: shell=X} directive in the comments at the top of the
 *       file (before the first command);</li>
 *   <li>the weak extensions {@code .sh}, {@code .ksh}, {@code .ash}, {@code .dash} (sh);</li>
 *   <li>the nearest parent directory named for one shell ({@code zsh/}, {@code .zshrc.d/}, {@code bash.d/},
 *       {@code profile.d/}, ...);</li>
 *   <li>otherwise {@link #DEFAULT} ({@code bash}), with basis {@link Basis#DEFAULT} so that a caller that knows
 *       more (the shell that sources the file) can refine it.</li>
 * </ol>
 * ksh and mksh files ({@code .kshrc}, {@code .mkshrc}, {@code #!/bin/mksh}) are read as {@link Dialect#SH}: the
 * POSIX subset is what envreach can model for them.
 * <p>Why {@code bash} when nothing decides: such files are almost always fragments sourced by a startup file
 * ({@code .aliases}, {@code .exports}, {@code .functions}); bash reads every POSIX sh file too, so assuming bash
 * never reports a false syntax error on portable code, while assuming sh would flag every {@code [[ }, array or
 * {@code function} keyword in a bash fragment.
 */
public final class DialectDetector {
    private DialectDetector() {}

    /** Which rule decided the dialect. */
    public enum Basis { OVERRIDE, FILE_NAME, SHEBANG, DIRECTIVE, EXTENSION, DIRECTORY, DEFAULT }

    /** The dialect assumed when nothing decides. */
    public static final Dialect DEFAULT = Dialect.BASH;

    /** The detected dialect and the rule that decided it, with a short human explanation. */
    public record Detection(Dialect dialect, Basis basis, String reason) {}

    public static Dialect detect(String fileName, String text) {
        return detect(fileName, text, null);
    }

    /** As {@link #detect(String, String)}, but a non-null {@code override} wins. */
    public static Dialect detect(String fileName, String text, Dialect override) {
        return explain(fileName, text, override).dialect();
    }

    /** Detects the dialect and says why. {@code fileName} may be a bare name or a path; both may be null. */
    public static Detection explain(String fileName, String text, Dialect override) {
        if (override != null) return new Detection(override, Basis.OVERRIDE, "dialect given explicitly");
        String base = baseName(fileName);
        Optional<Dialect> byName = byStartupName(base);
        if (byName.isPresent()) return new Detection(byName.get(), Basis.FILE_NAME, "file name " + base);
        if (text != null) {
            if (text.startsWith("#compdef") || text.startsWith("#autoload")) {
                return new Detection(Dialect.ZSH, Basis.SHEBANG, "zsh #compdef/#autoload tag");
            }
            Optional<Dialect> bang = byShebang(text);
            if (bang.isPresent()) return new Detection(bang.get(), Basis.SHEBANG, "#! line");
            Optional<Dialect> directive = byDirective(text);
            if (directive.isPresent()) return new Detection(directive.get(), Basis.DIRECTIVE, "shell= directive");
        }
        Optional<Dialect> weak = byWeakName(fileName, base);
        if (weak.isPresent()) return new Detection(weak.get(), Basis.EXTENSION, "file name " + base);
        Optional<Dialect> dir = byDirectory(fileName);
        if (dir.isPresent()) return new Detection(dir.get(), Basis.DIRECTORY, "directory of " + base);
        return new Detection(DEFAULT, Basis.DEFAULT, "nothing in the name or the text decides; " + DEFAULT.id() + " assumed");
    }

    // ---- file names --------------------------------------------------------------------------

    private static final List<String> CHEZMOI_ATTRIBUTES = List.of(
            "create_", "modify_", "remove_", "run_", "once_", "onchange_", "before_", "after_",
            "symlink_", "encrypted_", "private_", "readonly_", "empty_", "executable_", "exact_", "literal_");

    /** The last path segment, with yadm alternates, template suffixes and dotfile-manager prefixes removed, lower-cased. */
    static String normalizedName(String fileName) {
        String n = baseName(fileName);
        int alt = n.indexOf("##");
        if (alt > 0) n = n.substring(0, alt);
        n = n.toLowerCase(Locale.ROOT);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : List.of(".tmpl", ".literal", ".age", ".asc", ".symlink", ".template",
                    ".zsh-template", ".local", ".orig", ".dist")) {
                if (n.endsWith(suffix) && n.length() > suffix.length()) {
                    n = n.substring(0, n.length() - suffix.length());
                    changed = true;
                }
            }
        }
        changed = true;
        while (changed) {
            changed = false;
            for (String attr : CHEZMOI_ATTRIBUTES) {
                if (n.startsWith(attr) && n.length() > attr.length()) {
                    n = n.substring(attr.length());
                    changed = true;
                }
            }
        }
        for (String prefix : List.of("dot_", "dot-", "dot.", "skel.", "etc.", ".")) {
            if (n.startsWith(prefix) && n.length() > prefix.length()) {
                n = n.substring(prefix.length());
                break;
            }
        }
        return n;
    }

    private static Optional<Dialect> byStartupName(String base) {
        if (base.isEmpty()) return Optional.empty();
        String n = normalizedName(base);
        String stem = n.endsWith(".sh") ? n.substring(0, n.length() - 3) : n;
        Optional<Dialect> d = startupFile(stem);
        if (d.isPresent()) return d;
        // example.bashrc, minimal.zshrc, bash.bashrc
        int dot = stem.lastIndexOf('.');
        if (dot > 0) {
            String last = stem.substring(dot + 1);
            if (!last.equals("profile") && !last.equals("shrc")) {
                d = startupFile(last);
                if (d.isPresent()) return d;
            }
        }
        if (dot > 0) {
            // bashrc.local, zshrc.work
            String first = stem.substring(0, stem.indexOf('.'));
            if (!first.equals("profile") && !first.equals("shrc")) {
                d = startupFile(first);
                if (d.isPresent()) return d;
            }
        }
        if (stem.startsWith("bash_") || stem.startsWith("bash-")) return Optional.of(Dialect.BASH);
        if (stem.startsWith("zsh_")) return Optional.of(Dialect.ZSH);
        if (n.endsWith(".bash")) return Optional.of(Dialect.BASH);
        if (n.endsWith(".zsh") || n.endsWith(".zsh-theme")) return Optional.of(Dialect.ZSH);
        return Optional.empty();
    }

    private static Optional<Dialect> startupFile(String n) {
        return switch (n) {
            case "bashrc", "bash_profile", "bash_login", "bash_logout", "bash_aliases", "bash.bashrc",
                    "bash.bash_logout" -> Optional.of(Dialect.BASH);
            case "zshenv", "zprofile", "zshrc", "zlogin", "zlogout", "zpreztorc", "zimrc" -> Optional.of(Dialect.ZSH);
            case "profile", "shrc", "kshrc", "mkshrc" -> Optional.of(Dialect.SH);
            default -> Optional.empty();
        };
    }

    private static Optional<Dialect> byWeakName(String fileName, String base) {
        String n = normalizedName(base);
        if (n.endsWith(".sh") || n.endsWith(".ksh") || n.endsWith(".ash") || n.endsWith(".dash")) {
            return Optional.of(Dialect.SH);
        }
        return Optional.empty();
    }

    /** The nearest parent directory whose name belongs to one shell ({@code zsh/}, {@code .zshrc.d/}, {@code bash.d/}, {@code profile.d/}). */
    private static Optional<Dialect> byDirectory(String fileName) {
        if (fileName == null) return Optional.empty();
        String[] segments = fileName.replace('\\', '/').split("/");
        for (int i = segments.length - 2; i >= 0; i--) {
            String d = segments[i].toLowerCase(Locale.ROOT);
            if (d.startsWith(".")) d = d.substring(1);
            switch (d) {
                case "zsh", "zsh.d", "zshrc.d", "zshenv.d", "zfunc", "zfunctions", "oh-my-zsh", "prezto" -> {
                    return Optional.of(Dialect.ZSH);
                }
                case "bash", "bash.d", "bashrc.d", "bash_completion.d", "bash-it" -> {
                    return Optional.of(Dialect.BASH);
                }
                case "profile.d" -> {
                    return Optional.of(Dialect.SH);
                }
                default -> { }
            }
        }
        return Optional.empty();
    }

    private static String baseName(String fileName) {
        if (fileName == null) return "";
        String f = fileName;
        while (f.endsWith("/") || f.endsWith("\\")) f = f.substring(0, f.length() - 1);
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return slash >= 0 ? f.substring(slash + 1) : f;
    }

    // ---- #! line -------------------------------------------------------------------------------

    /** The dialect named by the {@code #!} line, if it names a shell. */
    static Optional<Dialect> byShebang(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!t.startsWith("#!")) return Optional.empty();
        int eol = t.indexOf('\n');
        String line = (eol < 0 ? t.substring(2) : t.substring(2, eol)).trim();
        String[] words = line.split("[ \t]+");
        if (words.length == 0 || words[0].isEmpty()) return Optional.empty();
        int i = 0;
        String prog = baseName(words[i]);
        if (prog.equals("env")) {
            i++;
            while (i < words.length && (words[i].startsWith("-") || words[i].contains("="))) {
                // env -S "zsh -f": -S takes the rest as the command line; -u NAME takes an argument
                if (words[i].equals("-u") || words[i].equals("-C")) i++;
                i++;
            }
            if (i >= words.length) return Optional.empty();
            prog = baseName(words[i]);
        }
        if (prog.equals("busybox") && i + 1 < words.length) prog = baseName(words[i + 1]);
        return shellNamed(prog);
    }

    /** bash, bash5, bash-5.2, zsh-5.9, sh, dash, ksh93, mksh, ... */
    private static Optional<Dialect> shellNamed(String prog) {
        String p = prog.toLowerCase(Locale.ROOT).replaceFirst("[-.0-9]+$", "");
        if (p.equals("bash")) return Optional.of(Dialect.BASH);
        if (p.equals("zsh")) return Optional.of(Dialect.ZSH);
        return switch (p) {
            case "sh", "dash", "ash", "ksh", "mksh", "pdksh", "oksh", "lksh", "posh", "yash" -> Optional.of(Dialect.SH);
            default -> Optional.empty();
        };
    }

    // ---- directives ----------------------------------------------------------------------------

    private static final Pattern DIRECTIVE = Pattern.compile(
            "^#\\s*(?:shellcheck\\s|envreach:\\s*)(?:.*?\\s)?shell=([A-Za-z0-9_-]+)");

    /** A {@code # shellcheck shell=X} or {@code # envreach: shell=X} among the comment lines before the first command. */
    static Optional<Dialect> byDirective(String text) {
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = len;
            String line = text.substring(pos, eol).strip();
            pos = eol + 1;
            if (line.isEmpty()) continue;
            if (!line.startsWith("#")) break;
            Matcher m = DIRECTIVE.matcher(line);
            if (m.find()) {
                Optional<Dialect> d = shellNamed(m.group(1));
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }
}
