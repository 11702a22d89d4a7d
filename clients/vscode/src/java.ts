// Finding a Java runtime able to run the envreach server (Java 17 or newer).
// Order: the `envreach.java.home` setting, then JAVA_HOME, then `java` on PATH.
// Pure apart from the injected `exists` and `version` functions, so it is unit-tested without a JDK.

import * as path from "path";

export const MINIMUM_JAVA = 17;

export type JavaSource = "setting envreach.java.home" | "JAVA_HOME" | "PATH";

export interface JavaCandidate {
  executable: string;
  source: JavaSource;
}

export interface FoundJava {
  ok: true;
  executable: string;
  source: JavaSource;
  version: number;
}

export interface MissingJava {
  ok: false;
  /** One paragraph for a person: what is wrong and how to fix it. */
  message: string;
}

export type JavaResult = FoundJava | MissingJava;

export interface JavaProbe {
  /** True when a regular file exists at this path. */
  exists(file: string): boolean;
  /** The text `java -version` printed (it prints to stderr), or undefined when it could not run. */
  versionText(executable: string): string | undefined;
}

function pathsOf(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

function javaBinary(home: string, platform: NodeJS.Platform): string {
  return pathsOf(platform).join(home, "bin", platform === "win32" ? "java.exe" : "java");
}

/** The places to look, in order, with where each comes from. */
export function javaCandidates(
  settingHome: string | undefined,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  probe: Pick<JavaProbe, "exists">,
): JavaCandidate[] {
  const found: JavaCandidate[] = [];
  if (settingHome && settingHome.trim() !== "") {
    found.push({ executable: javaBinary(settingHome.trim(), platform), source: "setting envreach.java.home" });
  }
  const javaHome = env.JAVA_HOME;
  if (javaHome && javaHome.trim() !== "") {
    found.push({ executable: javaBinary(javaHome.trim(), platform), source: "JAVA_HOME" });
  }
  const pathVar = env.PATH ?? env.Path ?? "";
  const exe = platform === "win32" ? "java.exe" : "java";
  for (const dir of pathVar.split(platform === "win32" ? ";" : ":")) {
    if (dir === "") continue;
    const candidate = pathsOf(platform).join(dir, exe);
    if (probe.exists(candidate)) {
      found.push({ executable: candidate, source: "PATH" });
      break;
    }
  }
  return found;
}

/**
 * The feature version in `java -version` output: 17 for `openjdk version "17.0.15"`, 8 for
 * `java version "1.8.0_392"`, 21 for `openjdk version "21" 2023-09-19`; undefined when absent.
 */
export function parseJavaVersion(text: string): number | undefined {
  const m = /version\s+"([0-9]+)(?:\.([0-9]+))?[^"]*"/.exec(text);
  if (!m) return undefined;
  const first = Number(m[1]);
  if (first === 1 && m[2] !== undefined) return Number(m[2]);
  return first;
}

const FIX =
  "Install a Java runtime 17 or newer (Debian/Ubuntu: `sudo apt install openjdk-17-jre-headless`; " +
  "macOS: `brew install openjdk@17`), or set `envreach.java.home` to the folder of a JDK 17+ " +
  "(the folder that contains bin/java).";

/** Picks the first candidate that runs and is Java 17 or newer; otherwise explains what was seen. */
export function findJava(
  settingHome: string | undefined,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  probe: JavaProbe,
): JavaResult {
  const seen: string[] = [];
  for (const candidate of javaCandidates(settingHome, env, platform, probe)) {
    if (!probe.exists(candidate.executable)) {
      seen.push(`${candidate.executable} (from ${candidate.source}) does not exist`);
      continue;
    }
    const text = probe.versionText(candidate.executable);
    if (text === undefined) {
      seen.push(`${candidate.executable} (from ${candidate.source}) did not run`);
      continue;
    }
    const version = parseJavaVersion(text);
    if (version === undefined) {
      seen.push(`${candidate.executable} (from ${candidate.source}) printed no version`);
      continue;
    }
    if (version < MINIMUM_JAVA) {
      seen.push(`${candidate.executable} (from ${candidate.source}) is Java ${version}`);
      continue;
    }
    return { ok: true, executable: candidate.executable, source: candidate.source, version };
  }
  const what = seen.length === 0 ? "No Java was found (envreach.java.home, JAVA_HOME and PATH are empty)." : `Found: ${seen.join("; ")}.`;
  return { ok: false, message: `envreach needs Java ${MINIMUM_JAVA} or newer to run its language server. ${what} ${FIX}` };
}
