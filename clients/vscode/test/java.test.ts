// Java discovery: the setting, then JAVA_HOME, then PATH; only Java 17+ is accepted, and a
// missing or old Java yields a message that says how to fix it.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { findJava, javaCandidates, parseJavaVersion, JavaProbe } from "../src/java";

/** A fake machine: files that exist, and what `java -version` prints for each of them. */
function machine(versions: Record<string, string | undefined>): JavaProbe & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    exists: (file) => file in versions,
    versionText: (exe) => {
      ran.push(exe);
      return versions[exe];
    },
  };
}

const JDK17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n';
const JDK21 = 'openjdk version "21" 2023-09-19\n';
const JDK11 = 'openjdk version "11.0.22" 2024-01-16\n';
const JAVA8 = 'java version "1.8.0_392"\nJava(TM) SE Runtime Environment (build 1.8.0_392-b08)\n';

test("parses the feature version of old and new version strings", () => {
  assert.equal(parseJavaVersion(JDK17), 17);
  assert.equal(parseJavaVersion(JDK21), 21);
  assert.equal(parseJavaVersion(JDK11), 11);
  assert.equal(parseJavaVersion(JAVA8), 8);
  assert.equal(parseJavaVersion('openjdk version "22-ea" 2024-03-19'), 22);
  assert.equal(parseJavaVersion("command not found"), undefined);
});

test("the setting comes before JAVA_HOME, which comes before PATH", () => {
  const probe = machine({ "/opt/jdk21/bin/java": JDK21, "/usr/lib/jvm/17/bin/java": JDK17, "/usr/bin/java": JDK17 });
  const env = { JAVA_HOME: "/usr/lib/jvm/17", PATH: "/usr/local/bin:/usr/bin" };
  const candidates = javaCandidates("/opt/jdk21", env, "linux", probe);
  assert.deepEqual(
    candidates.map((c) => [c.executable, c.source]),
    [
      ["/opt/jdk21/bin/java", "setting envreach.java.home"],
      ["/usr/lib/jvm/17/bin/java", "JAVA_HOME"],
      ["/usr/bin/java", "PATH"],
    ],
  );
  const found = findJava("/opt/jdk21", env, "linux", probe);
  assert.deepEqual(found, { ok: true, executable: "/opt/jdk21/bin/java", source: "setting envreach.java.home", version: 21 });
});

test("JAVA_HOME is used when the setting is empty", () => {
  const probe = machine({ "/usr/lib/jvm/17/bin/java": JDK17, "/usr/bin/java": JDK11 });
  const found = findJava("", { JAVA_HOME: "/usr/lib/jvm/17", PATH: "/usr/bin" }, "linux", probe);
  assert.equal(found.ok && found.executable, "/usr/lib/jvm/17/bin/java");
});

test("PATH is searched in order when neither the setting nor JAVA_HOME is set", () => {
  const probe = machine({ "/usr/bin/java": JDK17 });
  const found = findJava(undefined, { PATH: "/nope:/usr/bin" }, "linux", probe);
  assert.deepEqual(found, { ok: true, executable: "/usr/bin/java", source: "PATH", version: 17 });
});

test("an old Java is skipped in favour of a newer one further down", () => {
  const probe = machine({ "/usr/lib/jvm/11/bin/java": JDK11, "/usr/bin/java": JDK17 });
  const found = findJava(undefined, { JAVA_HOME: "/usr/lib/jvm/11", PATH: "/usr/bin" }, "linux", probe);
  assert.equal(found.ok && found.executable, "/usr/bin/java");
});

test("only an old Java: the message names it and says how to fix it", () => {
  const probe = machine({ "/usr/bin/java": JAVA8 });
  const found = findJava(undefined, { PATH: "/usr/bin" }, "linux", probe);
  assert.equal(found.ok, false);
  if (!found.ok) {
    assert.match(found.message, /Java 17 or newer/);
    assert.match(found.message, /\/usr\/bin\/java \(from PATH\) is Java 8/);
    assert.match(found.message, /apt install openjdk-17-jre-headless/);
    assert.match(found.message, /envreach\.java\.home/);
  }
});

test("a wrong envreach.java.home is reported, not silently ignored", () => {
  const probe = machine({});
  const found = findJava("/opt/missing", { PATH: "" }, "linux", probe);
  assert.equal(found.ok, false);
  if (!found.ok) assert.match(found.message, /\/opt\/missing\/bin\/java \(from setting envreach\.java\.home\) does not exist/);
  assert.deepEqual(probe.ran, [], "nothing was run");
});

test("no Java at all", () => {
  const found = findJava(undefined, { PATH: "/bin" }, "linux", machine({}));
  assert.equal(found.ok, false);
  if (!found.ok) assert.match(found.message, /No Java was found/);
});

test("a java that does not run is skipped", () => {
  const probe = machine({ "/usr/lib/jvm/broken/bin/java": undefined, "/usr/bin/java": JDK17 });
  const found = findJava(undefined, { JAVA_HOME: "/usr/lib/jvm/broken", PATH: "/usr/bin" }, "linux", probe);
  assert.equal(found.ok && found.executable, "/usr/bin/java");
});

test("Windows uses java.exe and ; in PATH", () => {
  const probe = machine({ "C:\\jdk\\java.exe": JDK17 });
  const candidates = javaCandidates(undefined, { Path: "C:\\x;C:\\jdk" }, "win32", probe);
  assert.equal(candidates.length, 1);
  assert.equal(candidates[0].source, "PATH");
});
