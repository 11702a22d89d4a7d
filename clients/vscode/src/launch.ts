// How the extension starts the server. Shared by the extension and by the protocol test, so the
// test runs the server with exactly the command line and initialization options the editor uses.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { findJava, JavaProbe, JavaResult } from "./java";
import { ClientSettings, ServerSettings } from "./settings";

/** Where the build puts the server jar inside the extension. */
export const BUNDLED_JAR = path.join("server", "envreach.jar");

export interface ServerLaunch {
  command: string;
  args: string[];
}

/** The real probe: looks at the file system and runs `java -version`. */
export const nodeJavaProbe: JavaProbe = {
  exists(file: string): boolean {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  versionText(executable: string): string | undefined {
    const r = spawnSync(executable, ["-version"], { encoding: "utf8", timeout: 15000 });
    if (r.error || r.status !== 0) return undefined;
    return `${r.stderr ?? ""}${r.stdout ?? ""}`;
  },
};

/** The jar to run: the `envreach.server.jar` setting, else the one bundled in the extension. */
export function serverJar(client: ClientSettings, extensionDir: string): string {
  return client.serverJar ?? path.join(extensionDir, BUNDLED_JAR);
}

/** Java for the server, found as the extension finds it. */
export function javaFor(client: ClientSettings, env: Record<string, string | undefined>, probe: JavaProbe = nodeJavaProbe): JavaResult {
  return findJava(client.javaHome, env, process.platform, probe);
}

/** The command line: `java [options] -jar envreach.jar` (no arguments: serve LSP on stdio). */
export function serverLaunch(java: string, jar: string, client: ClientSettings): ServerLaunch {
  return { command: java, args: [...client.javaOptions, "-jar", jar] };
}

/** The `initializationOptions` sent with `initialize`: the server's view of the settings. */
export function initializationOptions(settings: ServerSettings): ServerSettings {
  return JSON.parse(JSON.stringify(settings)) as ServerSettings;
}

/** The answer to one `workspace/configuration` item. */
export function configurationFor(section: string | undefined, settings: ServerSettings): unknown {
  if (section === undefined || section === "") return { envreach: settings };
  if (section === "envreach") return settings;
  if (section.startsWith("envreach.")) {
    let node: unknown = settings;
    for (const part of section.slice("envreach.".length).split(".")) {
      if (node === null || typeof node !== "object") return null;
      node = (node as Record<string, unknown>)[part];
    }
    return node ?? null;
  }
  return null;
}
