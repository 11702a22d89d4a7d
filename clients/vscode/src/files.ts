// Which files envreach looks at: shell scripts and the shells' startup files, also under the
// names dotfile managers give them (chezmoi `dot_bashrc`, `private_dot_zshrc`; GNU stow `dot-bashrc`).
// This module is pure: the extension manifest (package.json) must list the same names, a unit test
// checks that they agree.

/** The startup files of bash, zsh and POSIX sh, as they are named in a home directory. */
export const STARTUP_FILES: readonly string[] = [
  ".bashrc",
  ".bash_profile",
  ".bash_login",
  ".bash_logout",
  ".profile",
  ".zshenv",
  ".zprofile",
  ".zshrc",
  ".zlogin",
  ".zlogout",
];

/** File name extensions of shell scripts. */
export const SHELL_EXTENSIONS: readonly string[] = [".sh", ".bash", ".zsh"];

/** chezmoi attribute prefixes that may stand before `dot_` in a source file name. */
const CHEZMOI_PREFIXES: readonly string[] = ["private_", "readonly_", "executable_", "empty_"];

export type Dialect = "bash" | "zsh" | "sh";

/**
 * The home-directory name a file stands for: `.bashrc` for `.bashrc`, `dot_bashrc`,
 * `private_dot_bashrc`, `dot_bashrc.tmpl` and `dot-bashrc`; undefined when the base name is not a
 * startup file under any of those names.
 */
export function startupFileTarget(baseName: string): string | undefined {
  if (STARTUP_FILES.includes(baseName)) {
    return baseName;
  }
  let name = baseName;
  if (name.startsWith("dot-")) {
    const target = "." + name.slice("dot-".length);
    return STARTUP_FILES.includes(target) ? target : undefined;
  }
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const prefix of CHEZMOI_PREFIXES) {
      if (name.startsWith(prefix)) {
        name = name.slice(prefix.length);
        stripped = true;
      }
    }
  }
  if (name.endsWith(".tmpl")) {
    name = name.slice(0, -".tmpl".length);
  }
  if (name.startsWith("dot_")) {
    const target = "." + name.slice("dot_".length);
    return STARTUP_FILES.includes(target) ? target : undefined;
  }
  return undefined;
}

/** The dialect a file is written in, judged by its name; undefined when the name says nothing. */
export function dialectOf(baseName: string): Dialect | undefined {
  const target = startupFileTarget(baseName);
  if (target !== undefined) {
    if (target.startsWith(".bash")) return "bash";
    if (target.startsWith(".z")) return "zsh";
    return "sh";
  }
  if (baseName.endsWith(".bash")) return "bash";
  if (baseName.endsWith(".zsh")) return "zsh";
  if (baseName.endsWith(".sh")) return "sh";
  return undefined;
}

/** True when envreach should analyse a file of this base name. */
export function isShellFileName(baseName: string): boolean {
  return dialectOf(baseName) !== undefined;
}

/** The exact file names to associate with the shell language in the extension manifest. */
export function manifestFilenames(): string[] {
  return [...STARTUP_FILES];
}

/** The file name globs to associate with the shell language in the extension manifest. */
export function manifestFilenamePatterns(): string[] {
  const patterns: string[] = [];
  for (const file of STARTUP_FILES) {
    const bare = file.slice(1);
    patterns.push(`dot_${bare}`, `*_dot_${bare}`, `dot_${bare}.tmpl`, `*_dot_${bare}.tmpl`, `dot-${bare}`);
  }
  return patterns;
}

/** The LSP document selector: every shell document, plus startup files whatever language they got. */
export function documentSelector(): { scheme: string; language?: string; pattern?: string }[] {
  const selector: { scheme: string; language?: string; pattern?: string }[] = [
    { scheme: "file", language: "shellscript" },
    { scheme: "untitled", language: "shellscript" },
  ];
  const names = [...manifestFilenames(), ...manifestFilenamePatterns()];
  selector.push({ scheme: "file", pattern: `**/{${names.join(",")}}` });
  return selector;
}
