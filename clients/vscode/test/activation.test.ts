// Loads the bundled extension (out/extension.js, as VS Code does) against a small stand-in for the
// `vscode` API, and activates it on a machine without Java: the commands of the manifest are
// registered, and the user is told Java 17 is missing and how to fix it; no server is started.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Module = require("module");

const EXTENSION_DIR = path.resolve(__dirname, "..", "..", "..");

interface Recorded {
  commands: string[];
  errors: string[];
  output: string[];
}

/** A stand-in for the parts of the vscode API the extension touches; anything else is inert. */
function fakeVscode(settings: Record<string, unknown>, rec: Recorded): unknown {
  class Inert {
    constructor(..._args: unknown[]) {}
    dispose(): void {}
  }
  const disposable = { dispose: () => undefined };
  const api: Record<string, unknown> = {
    window: {
      createOutputChannel: () => ({ appendLine: (l: string) => rec.output.push(l), append: () => undefined, show: () => undefined, dispose: () => undefined }),
      showErrorMessage: async (m: string) => {
        rec.errors.push(m);
        return undefined;
      },
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
    },
    commands: {
      registerCommand: (id: string) => {
        rec.commands.push(id);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
    workspace: {
      getConfiguration: () => ({ get: (key: string) => settings[key] }),
      onDidChangeConfiguration: () => disposable,
    },
  };
  return new Proxy(api, { get: (target, prop: string) => (prop in target ? target[prop] : Inert) });
}

test("activating without Java registers the commands and explains how to get Java 17", async () => {
  const bundle = path.join(EXTENSION_DIR, "out", "extension.js");
  assert.ok(fs.existsSync(bundle), `${bundle} is built (npm test bundles it first)`);
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, "package.json"), "utf8"));
  assert.equal(path.resolve(EXTENSION_DIR, manifest.main), bundle, "the manifest's main is the bundle");

  const rec: Recorded = { commands: [], errors: [], output: [] };
  const vscode = fakeVscode({ "java.home": "", "java.options": [], "server.jar": "" }, rec);
  const originalLoad = Module._load;
  const savedPath = process.env.PATH;
  const savedJavaHome = process.env.JAVA_HOME;
  Module._load = function (request: string, ...rest: unknown[]) {
    if (request === "vscode") return vscode;
    return originalLoad.call(this, request, ...rest);
  };
  try {
    process.env.PATH = "";
    delete process.env.JAVA_HOME;
    delete require.cache[bundle];
    const extension = require(bundle);
    const subscriptions: unknown[] = [];
    await extension.activate({ subscriptions, extensionPath: EXTENSION_DIR });
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...rec.commands].sort(), contributed, "every command of the manifest is registered");
    assert.equal(rec.errors.length, 1, "one error message");
    assert.match(rec.errors[0], /needs Java 17 or newer/);
    assert.match(rec.errors[0], /envreach\.java\.home/);
    assert.ok(rec.output.some((l) => /Java 17/.test(l)), "the message is also in the output channel");
    await extension.deactivate();
  } finally {
    Module._load = originalLoad;
    process.env.PATH = savedPath;
    if (savedJavaHome !== undefined) process.env.JAVA_HOME = savedJavaHome;
  }
});
