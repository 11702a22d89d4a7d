// Starts the real server exactly as the extension does (same Java discovery, jar, command line and
// initialization options, from the same code) and talks LSP to it through vscode-jsonrpc, with the
// capabilities VS Code announces for what is used here. Checks that envreach's diagnostics arrive
// for a fixture home, and that hover and the matrix command answer.
import { test, after } from "node:test";
import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL, fileURLToPath } from "url";
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { configurationFor, initializationOptions, javaFor, serverJar, serverLaunch } from "../src/launch";
import { clientSettings, readerOf, serverSettings, ServerSettings } from "../src/settings";

const EXTENSION_DIR = path.resolve(__dirname, "..", "..", "..");
const FIXTURES = path.resolve(EXTENSION_DIR, "..", "fixtures");
const TIMEOUT_MS = 60_000;

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string | number;
  message: string;
  source?: string;
}

interface Session {
  connection: MessageConnection;
  process: ChildProcess;
  home: string;
  stderr: () => string;
  capabilities: Record<string, unknown>;
  pushed: Map<string, Diagnostic[]>;
}

const temps: string[] = [];
const sessions: Session[] = [];

after(async () => {
  for (const s of sessions) {
    s.process.kill();
  }
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

/** A fresh home holding a copy of a fixture home. */
function fixtureHome(name: string): string {
  const home = tempDir(`envreach-${name}-`);
  fs.cpSync(path.join(FIXTURES, name), home, { recursive: true });
  return home;
}

function samePath(uri: string, file: string): boolean {
  try {
    return fs.realpathSync(fileURLToPath(uri)) === fs.realpathSync(file);
  } catch {
    return false;
  }
}

/** Settings as a user would write them in settings.json: a fixed home, platform and an empty sysroot. */
function testSettings(home: string): ServerSettings {
  const sysroot = tempDir("envreach-sysroot-");
  return serverSettings(readerOf({ home, platform: "debian", sysroot }), os.homedir());
}

async function start(home: string): Promise<Session> {
  const client = clientSettings(readerOf({}), os.homedir());
  const java = javaFor(client, process.env);
  assert.ok(java.ok, java.ok ? "" : java.message);
  const jar = serverJar(client, EXTENSION_DIR);
  assert.ok(fs.existsSync(jar), `${jar} exists (npm test copies it from server/target)`);
  const launch = serverLaunch(java.executable, jar, client);
  const child = spawn(launch.command, launch.args, { env: process.env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const settings = testSettings(home);
  const pushed = new Map<string, Diagnostic[]>();
  connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) =>
    params.items.map((item) => configurationFor(item.section, settings)),
  );
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("client/unregisterCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("workspace/diagnostic/refresh", () => null);
  connection.onRequest("workspace/codeLens/refresh", () => null);
  connection.onRequest("workspace/inlayHint/refresh", () => null);
  connection.onRequest("window/showMessageRequest", () => null);
  connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diagnostic[] }) => {
    pushed.set(p.uri, p.diagnostics);
  });
  connection.onNotification(() => undefined);
  connection.listen();
  const result = (await withTimeout(
    connection.sendRequest("initialize", {
      processId: process.pid,
      clientInfo: { name: "Visual Studio Code", version: "1.82.0" },
      rootUri: pathToFileURL(home).href,
      workspaceFolders: [{ uri: pathToFileURL(home).href, name: path.basename(home) }],
      initializationOptions: initializationOptions(settings),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          applyEdit: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ["create", "rename", "delete"], failureHandling: "textOnlyTransactional" },
          executeCommand: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
          codeLens: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
          hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
          codeAction: {
            dynamicRegistration: true,
            isPreferredSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ["edit"] },
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "refactor", "source"] } },
          },
          codeLens: { dynamicRegistration: true },
          inlayHint: { dynamicRegistration: true },
        },
        window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
        general: { positionEncodings: ["utf-16"] },
      },
    }),
    "initialize",
    () => stderr,
  )) as { capabilities: Record<string, unknown> };
  connection.sendNotification("initialized", {});
  const session: Session = { connection, process: child, home, stderr: () => stderr, capabilities: result.capabilities, pushed };
  sessions.push(session);
  return session;
}

async function withTimeout<T>(p: Promise<T>, what: string, log: () => string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms; server stderr:\n${log()}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function open(s: Session, file: string): string {
  const uri = pathToFileURL(file).href;
  s.connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "shellscript", version: 1, text: fs.readFileSync(file, "utf8") },
  });
  return uri;
}

/**
 * The file's diagnostics once one with `code` is among them: pulled (textDocument/diagnostic) when
 * the server offers pull diagnostics, as VS Code does, and otherwise as pushed.
 */
async function diagnosticsWith(s: Session, file: string, uri: string, code: string): Promise<Diagnostic[]> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last: Diagnostic[] = [];
  while (Date.now() < deadline) {
    for (const [u, diags] of s.pushed) {
      if (samePath(u, file)) {
        last = diags;
        if (diags.some((d) => d.code === code)) return diags;
      }
    }
    if (s.capabilities.diagnosticProvider) {
      const report = (await s.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as {
        kind: string;
        items?: Diagnostic[];
      };
      if (report.kind === "full" && report.items) {
        last = report.items;
        if (report.items.some((d) => d.code === code)) return report.items;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`no ${code} diagnostic for ${file} within ${TIMEOUT_MS} ms; last seen: ${JSON.stringify(last)}\nserver stderr:\n${s.stderr()}`);
}

async function stop(s: Session): Promise<number | null> {
  await withTimeout(s.connection.sendRequest("shutdown"), "shutdown", s.stderr, 10_000);
  const exited = new Promise<number | null>((resolve) => s.process.once("exit", (code) => resolve(code)));
  s.connection.sendNotification("exit");
  const code = await withTimeout(exited, "exit", s.stderr, 10_000);
  s.connection.dispose();
  return code;
}

test("a syntax error in ~/.bashrc arrives as ER001", async () => {
  const home = fixtureHome("syntax-home");
  const s = await start(home);
  const file = path.join(home, ".bashrc");
  const diags = await diagnosticsWith(s, file, open(s, file), "ER001");
  const er001 = diags.find((d) => d.code === "ER001")!;
  assert.ok(er001.message.length > 0, "the diagnostic says something");
  assert.equal(await stop(s), 0, "the server exits with status 0 after shutdown and exit");
});

interface TextEdit {
  range: Diagnostic["range"];
  newText: string;
}

/** Applies LSP text edits (UTF-16 positions, as JavaScript strings count) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test("a quick fix for a quoted ~ comes as a versioned edit, and applying it clears the diagnostic", async () => {
  const home = fixtureHome("tilde-home");
  const s = await start(home);
  const file = path.join(home, ".bashrc");
  const uri = open(s, file);
  const diags = await diagnosticsWith(s, file, uri, "ER105");
  const er105 = diags.find((d) => d.code === "ER105")!;
  assert.equal(er105.range.start.line, 1, "ER105 is on the GOPATH line");

  const actions = (await s.connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: er105.range,
    context: { diagnostics: [er105], only: ["quickfix"] },
  })) as { title: string; isPreferred?: boolean; edit?: { documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] } }[];
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, `a preferred quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
  const changes = fix!.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, "one document changes");
  assert.equal(changes[0].textDocument.version, 1, "the edit names the version it was computed for");
  assert.ok(samePath(changes[0].textDocument.uri, file));

  const fixed = applyEdits(fs.readFileSync(file, "utf8"), changes[0].edits);
  assert.match(fixed, /export GOPATH="\$HOME\/go"/);
  s.connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: fixed }],
  });
  s.pushed.clear();
  const deadline = Date.now() + TIMEOUT_MS;
  let remaining: Diagnostic[] | undefined;
  while (Date.now() < deadline) {
    const report = s.capabilities.diagnosticProvider
      ? ((await s.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { kind: string; items?: Diagnostic[] })
      : undefined;
    const current = report?.kind === "full" ? report.items : [...s.pushed.entries()].find(([u]) => samePath(u, file))?.[1];
    if (current && !current.some((d) => d.code === "ER105")) {
      remaining = current;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(remaining, `ER105 is gone after the fix; server stderr:\n${s.stderr()}`);
  assert.equal(await stop(s), 0);
});
test("an export after the interactive guard of ~/.bashrc arrives as ER101 on its line, and hover shows the contexts", async () => {
  const home = fixtureHome("guard-home");
  const s = await start(home);
  const file = path.join(home, ".bashrc");
  const uri = open(s, file);
  const exportLine = fs.readFileSync(file, "utf8").split("\n").findIndex((l) => l.startsWith("export GOPATH="));
  const diags = await diagnosticsWith(s, file, uri, "ER101");
  const er101 = diags.find((d) => d.code === "ER101")!;
  assert.equal(er101.range.start.line, exportLine, "ER101 is on the export GOPATH line");
  assert.match(er101.message, /ssh/i, "the message names the contexts it concerns");

  const hover = (await s.connection.sendRequest("textDocument/hover", {
    textDocument: { uri },
    position: { line: exportLine, character: "export GO".length },
  })) as { contents: { kind?: string; value?: string } | string } | null;
  assert.ok(hover, "hover on the export answers");
  const text = typeof hover!.contents === "string" ? hover!.contents : hover!.contents.value ?? "";
  assert.match(text, /GOPATH/);
  assert.match(text, /ssh/i, "the hover's matrix lists the ssh context");

  const matrix = await s.connection.sendRequest("workspace/executeCommand", { command: "envreach.showMatrix", arguments: ["GOPATH"] });
  assert.match(JSON.stringify(matrix), /GOPATH/, "the matrix command answers with the variable's matrix");
  assert.equal(await stop(s), 0);
});
