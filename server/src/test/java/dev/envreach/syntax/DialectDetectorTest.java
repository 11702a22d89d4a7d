package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envreach.syntax.DialectDetector.Basis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectDetectorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            ".bashrc, bash", ".bash_profile, bash", ".bash_login, bash", ".bash_logout, bash", ".bash_aliases, bash",
            ".profile, sh", ".shrc, sh",
            ".zshenv, zsh", ".zprofile, zsh", ".zshrc, zsh", ".zlogin, zsh", ".zlogout, zsh",
            ".kshrc, sh", ".mkshrc, sh",
            "aliases.bash, bash", "git.zsh, zsh", "agnoster.zsh-theme, zsh", "lib/setup.sh, sh",
            "/home/u/.bashrc, bash", "C:\\Users\\u\\.zshrc, zsh", "/etc/profile, sh", "/etc/bash.bashrc, bash",
            "/etc/zsh/zshrc, zsh", "/etc/zshenv, zsh",
            // chezmoi
            "dot_zshrc, zsh", "dot_bashrc.tmpl, bash", "private_dot_zprofile.tmpl, zsh", "dot_profile, sh",
            "readonly_dot_bash_aliases, bash",
            // GNU stow --dotfiles
            "dot-bashrc, bash", "bash/dot-bash_profile, bash",
            // yadm alternates
            ".zshrc##os.Linux, zsh", "'.bashrc##os.Darwin,e.hostname', bash", ".profile##default, sh",
            // other common spellings
            "skel.bashrc, bash", "zshrc.symlink, zsh", "example.bashrc, bash", "bashrc.local, bash",
            ".zshrc.local, zsh", "zshrc.zsh-template, zsh", ".bash_prompt, bash", ".zsh_aliases, zsh",
            "zprofile.sh, zsh", "dot.mkshrc, sh", "Bash_profile, bash",
    })
    void fileNameDecides(String name, String expected) {
        DialectDetector.Detection d = DialectDetector.explain(name, "echo hi\n", null);
        assertEquals(expected, d.dialect().id());
        assertTrue(d.basis() == Basis.FILE_NAME || d.basis() == Basis.EXTENSION, d.toString());
    }

    @Test
    void startupFileNameBeatsShebangAndDirective() {
        // zsh reads ~/.zshrc whatever its first line says
        assertEquals(Dialect.ZSH, DialectDetector.detect(".zshrc", "#!/bin/bash\n# shellcheck shell=bash\nls\n"));
        assertEquals(Dialect.BASH, DialectDetector.detect("dot_bashrc", "#!/bin/zsh\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "#!/bin/bash | bash", "#!/usr/bin/env bash | bash", "#!/usr/bin/env zsh | zsh", "#! /bin/zsh -f | zsh",
            "#!/usr/bin/env -S zsh -f | zsh", "#!/usr/local/bin/bash5 | bash", "#!/opt/zsh-5.9/bin/zsh-5.9 | zsh",
            "#!/bin/sh | sh", "#!/bin/dash | sh", "#!/bin/ksh | sh", "#!/bin/mksh | sh", "#!/bin/busybox sh | sh",
            "#!/usr/bin/env -i PATH=/bin bash | bash",
    })
    void shebangDecidesWhenTheNameDoesNot(String shebang, String expected) {
        DialectDetector.Detection d = DialectDetector.explain("scripts/tool", shebang + "\necho hi\n", null);
        assertEquals(expected, d.dialect().id());
        assertEquals(Basis.SHEBANG, d.basis());
    }

    @Test
    void shebangBeatsWeakShExtension() {
        assertEquals(Dialect.ZSH, DialectDetector.detect("oh-my-zsh.sh", "#!/usr/bin/env zsh\n"));
        assertEquals(Dialect.BASH, DialectDetector.detect("nvm.sh", "#!/bin/bash\n"));
    }

    @Test
    void nonShellShebangFallsThrough() {
        DialectDetector.Detection d = DialectDetector.explain("tool", "#!/usr/bin/env python3\nprint(1)\n", null);
        assertEquals(Basis.DEFAULT, d.basis());
    }

    @Test
    void zshCompletionTagMeansZsh() {
        assertEquals(Dialect.ZSH, DialectDetector.detect("_kubectx", "#compdef kubectx kctx=kubectx\n_arguments\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "# shellcheck shell=bash | bash", "# shellcheck shell=sh | sh", "# shellcheck shell=dash | sh",
            "# shellcheck disable=SC2034 shell=zsh | zsh", "#shellcheck shell=ksh | sh", "# envreach: shell=zsh | zsh",
            "#envreach:shell=bash | bash",
    })
    void directiveInTheLeadingComments(String directive, String expected) {
        String text = "# my aliases\n\n" + directive + "\nalias ll='ls -l'\n";
        DialectDetector.Detection d = DialectDetector.explain("aliases", text, null);
        assertEquals(expected, d.dialect().id());
        assertEquals(Basis.DIRECTIVE, d.basis());
    }

    @Test
    void directiveAfterTheFirstCommandIsIgnored() {
        DialectDetector.Detection d = DialectDetector.explain("aliases", "alias a=b\n# shellcheck shell=zsh\n", null);
        assertEquals(Basis.DEFAULT, d.basis());
    }

    @Test
    void shebangBeforeDirective() {
        assertEquals(Dialect.ZSH, DialectDetector.detect("tool", "#!/bin/zsh\n# shellcheck shell=bash\n"));
    }

    @Test
    void directiveBeatsWeakExtension() {
        assertEquals(Dialect.BASH, DialectDetector.detect("z.sh", "# shellcheck shell=bash\n"));
    }

    @Test
    void parentDirectoryDecidesExtensionlessFragments() {
        assertEquals(Dialect.ZSH, DialectDetector.detect("dots/zsh/functions/mcd", "mcd() { mkdir -p $1 }\n"));
        assertEquals(Dialect.ZSH, DialectDetector.detect("home/.zshrc.d/10-mise", "eval x\n"));
        assertEquals(Dialect.BASH, DialectDetector.detect("home/.bash.d/functions", "f() { :; }\n"));
        assertEquals(Dialect.SH, DialectDetector.detect("/etc/profile.d/locale", "LANG=C\n"));
    }

    @Test
    void unknownFilesDefaultToBashAndSayItIsADefault() {
        DialectDetector.Detection d = DialectDetector.explain(".aliases", "alias g=git\n", null);
        assertEquals(Dialect.BASH, d.dialect());
        assertEquals(Basis.DEFAULT, d.basis());
        assertEquals(Dialect.BASH, DialectDetector.detect(null, null));
    }

    @Test
    void explicitOverrideWinsOverEverything() {
        assertEquals(Dialect.SH, DialectDetector.detect(".zshrc", "#!/bin/zsh\n", Dialect.SH));
        assertEquals(Basis.OVERRIDE, DialectDetector.explain(".bashrc", "", Dialect.ZSH).basis());
        assertEquals(Dialect.BASH, DialectDetector.detect(".bashrc", "", null));
    }

    @Test
    void byteOrderMarkBeforeShebangIsSkipped() {
        assertEquals(Dialect.ZSH, DialectDetector.detect("tool", "\uFEFF#!/bin/zsh\n"));
    }

    /**
     * The corpus manifest records, for every startup file, which file the shell reads it as (its role). The
     * detector must give the dialect of the shell that reads it, whatever the dotfile manager called the file.
     */
    @Test
    void corpusStartupFilesGetTheirShellsDialect() throws IOException {
        Path root = TestPaths.corpus().resolve("dotfiles");
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("MANIFEST.tsv")),
                "corpus not present at " + root + ": skipped");
        List<String> misses = new ArrayList<>();
        int checked = 0;
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            String expected = switch (f[3]) {
                case "bashrc", "bash_profile" -> "bash";
                case "zshenv", "zprofile", "zshrc", "zlogin" -> "zsh";
                case "profile" -> "sh";
                default -> null;
            };
            if (expected == null) continue;
            Path file = root.resolve(f[0].replace("/", "__")).resolve(f[2]);
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            checked++;
            Dialect got = DialectDetector.detect(f[2], text);
            if (!got.id().equals(expected)) misses.add(f[2] + " (" + f[3] + "): " + got.id());
        }
        System.out.println("dialect detection on corpus startup files: " + checked + " checked, " + misses.size() + " wrong");
        assertTrue(checked > 50, "expected the corpus to hold startup files, found " + checked);
        assertEquals(List.of(), misses);
    }
}
