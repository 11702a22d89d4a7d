// The envreach VS Code extension: starts the envreach language server for shell files and
// dotfiles, and adds commands to show the reach matrix and explain a variable.

import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { documentSelector } from "./files";
import { configurationFor, initializationOptions, javaFor, serverJar, serverLaunch } from "./launch";
import { clientSettings, serverSettings, ServerSettings } from "./settings";
import { commandResultText, variableAt } from "./text";

/** Commands the server executes (workspace/executeCommand); they return text. */
const SERVER_SHOW_MATRIX = "envreach.showMatrix";
const SERVER_EXPLAIN = "envreach.explain";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let matrixPanel: vscode.WebviewPanel | undefined;

function currentServerSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration("envreach");
  return serverSettings((key) => config.get(key), os.homedir());
}

async function showText(title: string, markdown: string): Promise<void> {
  let html: string;
  try {
    html = await vscode.commands.executeCommand<string>("markdown.api.render", markdown);
  } catch {
    html = `<pre>${escapeHtml(markdown)}</pre>`;
  }
  if (!matrixPanel) {
    matrixPanel = vscode.window.createWebviewPanel("envreach.matrix", title, vscode.ViewColumn.Beside, {
      enableScripts: false,
    });
    matrixPanel.onDidDispose(() => (matrixPanel = undefined));
  }
  matrixPanel.title = title;
  matrixPanel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 8px; }
code, pre { font-family: var(--vscode-editor-font-family); }
</style></head><body>${html}</body></html>`;
  matrixPanel.reveal(vscode.ViewColumn.Beside, true);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function runServerCommand(command: string, args: unknown[]): Promise<string | undefined> {
  if (!client || client.state !== State.Running) {
    void vscode.window.showErrorMessage("envreach: the language server is not running (see 'envreach: Show output').");
    return undefined;
  }
  const result = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  return commandResultText(result);
}

function wordUnderCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const line = editor.document.lineAt(editor.selection.active.line).text;
  return variableAt(line, editor.selection.active.character);
}

async function showMatrix(name?: string): Promise<void> {
  const variable = name ?? wordUnderCursor();
  const text = await runServerCommand(SERVER_SHOW_MATRIX, variable ? [variable] : []);
  if (text !== undefined) await showText(variable ? `envreach: ${variable}` : "envreach: reach matrix", text);
}

async function explainVariable(): Promise<void> {
  const name = await vscode.window.showInputBox({
    prompt: "Variable to explain",
    value: wordUnderCursor() ?? "",
    validateInput: (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : "a variable name, e.g. PATH"),
  });
  if (!name) return;
  const text = await runServerCommand(SERVER_EXPLAIN, [name]);
  if (text !== undefined) await showText(`envreach: explain ${name}`, text);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("envreach");
  const client_ = clientSettings((key) => config.get(key), os.homedir());
  const java = javaFor(client_, process.env);
  if (!java.ok) {
    output.appendLine(java.message);
    const choice = await vscode.window.showErrorMessage(java.message, "Open Settings", "Show Output");
    if (choice === "Open Settings") void vscode.commands.executeCommand("workbench.action.openSettings", "envreach.java.home");
    if (choice === "Show Output") output.show();
    return;
  }
  const jar = serverJar(client_, context.extensionPath);
  if (!fs.existsSync(jar)) {
    const message = `envreach: the server jar ${jar} does not exist. Reinstall the extension, or point envreach.server.jar at envreach.jar.`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  const launch = serverLaunch(java.executable, jar, client_);
  output.appendLine(`envreach: starting ${launch.command} ${launch.args.join(" ")} (Java ${java.version} from ${java.source})`);
  const serverOptions: ServerOptions = { command: launch.command, args: launch.args, options: { env: process.env } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: initializationOptions(currentServerSettings()),
    outputChannel: output,
    middleware: {
      workspace: {
        configuration: (params) => params.items.map((item) => configurationFor(item.section, currentServerSettings())),
      },
      // Commands run from a code lens return text: show it instead of dropping it.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === SERVER_SHOW_MATRIX || command === SERVER_EXPLAIN) {
          const text = commandResultText(result);
          if (text !== undefined) await showText(`envreach: ${args.length > 0 ? String(args[0]) : "reach matrix"}`, text);
        }
        return result;
      },
    },
  };
  client = new LanguageClient("envreach", "envreach", serverOptions, clientOptions);
  await client.start();
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("envreach");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("envreach.matrix", (name?: string) => showMatrix(typeof name === "string" ? name : undefined)),
    vscode.commands.registerCommand("envreach.explainVariable", () => explainVariable()),
    vscode.commands.registerCommand("envreach.restart", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("envreach.showOutput", () => output.show()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("envreach")) return;
      if (e.affectsConfiguration("envreach.java") || e.affectsConfiguration("envreach.server")) {
        await stopClient();
        await startClient(context);
      } else if (client && client.state === State.Running) {
        await client.sendNotification("workspace/didChangeConfiguration", { settings: { envreach: currentServerSettings() } });
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
