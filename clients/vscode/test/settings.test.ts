// Translating the editor's envreach.* settings into the server's settings object.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { clientSettings, expandUserPath, readerOf, serverSettings } from "../src/settings";
import { configurationFor, initializationOptions, serverLaunch, serverJar } from "../src/launch";

const HOME = "/home/ada";

test("defaults send nothing, so the server applies its own defaults", () => {
  const defaults = readerOf({
    platform: "auto",
    loginShell: "auto",
    contexts: [],
    sysroot: "",
    home: "",
    "dotfiles.layout": "auto",
    "dotfiles.map": {},
    disabledRules: [],
    "java.home": "",
  });
  assert.deepEqual(serverSettings(defaults, HOME), {});
});

test("explicit values are passed, normalised", () => {
  const s = serverSettings(
    readerOf({
      platform: "Debian",
      loginShell: "zsh",
      contexts: ["ssh-command", " cron ", ""],
      sysroot: "~/sysroots/fedora",
      home: "${userHome}/other-home",
      dotfiles: { layout: "stow", map: { "bash/bashrc": "~/.bashrc", "": "x", bad: 3 } },
      disabledRules: ["er106", "ER106", "ER107", "not-a-rule"],
      inlayHints: { enabled: true, variables: ["PATH", "MANPATH"] },
    }),
    HOME,
  );
  assert.deepEqual(s, {
    platform: "debian",
    loginShell: "zsh",
    contexts: ["ssh-command", "cron"],
    sysroot: "/home/ada/sysroots/fedora",
    home: "/home/ada/other-home",
    dotfiles: { layout: "stow", map: { "bash/bashrc": "~/.bashrc" } },
    disabledRules: ["ER106", "ER107"],
    inlayHints: true,
    inlayHintVariables: ["PATH", "MANPATH"],
  });
});

test("client-only settings never reach the server", () => {
  const get = readerOf({ java: { home: "/opt/jdk", options: ["-Xmx256m"] }, server: { jar: "~/envreach.jar" }, trace: { server: "verbose" } });
  assert.deepEqual(serverSettings(get, HOME), {});
  assert.deepEqual(clientSettings(get, HOME), { javaHome: "/opt/jdk", javaOptions: ["-Xmx256m"], serverJar: "/home/ada/envreach.jar" });
});

test("user paths expand ~ and ${userHome} only at the start or as the variable", () => {
  assert.equal(expandUserPath("~", HOME), HOME);
  assert.equal(expandUserPath("~/x", HOME), "/home/ada/x");
  assert.equal(expandUserPath("/srv/~x", HOME), "/srv/~x");
  assert.equal(expandUserPath(undefined, HOME), undefined);
});

test("the server runs as java [options] -jar <bundled jar> with no arguments", () => {
  const client = clientSettings(readerOf({ java: { options: ["-Xmx256m"] } }), HOME);
  const jar = serverJar(client, "/ext");
  assert.equal(jar, "/ext/server/envreach.jar");
  assert.deepEqual(serverLaunch("/usr/bin/java", jar, client), { command: "/usr/bin/java", args: ["-Xmx256m", "-jar", "/ext/server/envreach.jar"] });
});

test("workspace/configuration answers the envreach section and its sub-keys", () => {
  const s = { platform: "debian", dotfiles: { layout: "stow" } };
  assert.deepEqual(configurationFor("envreach", s), s);
  assert.equal(configurationFor("envreach.platform", s), "debian");
  assert.equal(configurationFor("envreach.dotfiles.layout", s), "stow");
  assert.equal(configurationFor("envreach.contexts", s), null);
  assert.deepEqual(configurationFor(undefined, s), { envreach: s });
  assert.equal(configurationFor("python", s), null);
  assert.deepEqual(initializationOptions(s), s);
});
