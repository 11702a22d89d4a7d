// Translating the editor's `envreach.*` settings into what the server reads, both as
// `initializationOptions` and as the answer to `workspace/configuration` (section `envreach`).
// Client-only settings (java.*, server.*, trace.*) are not sent; "auto" and empty values are left
// out so the server applies its own defaults (platform detected, login shell from $SHELL, ...).

import * as path from "path";

/** The settings object the server receives. Every field is optional: absent means "default". */
export interface ServerSettings {
  platform?: string;
  loginShell?: string;
  contexts?: string[];
  sysroot?: string;
  home?: string;
  dotfiles?: { layout?: string; map?: Record<string, string> };
  disabledRules?: string[];
  inlayHints?: boolean;
  inlayHintVariables?: string[];
}

/** Settings that only the client uses. */
export interface ClientSettings {
  javaHome?: string;
  javaOptions: string[];
  serverJar?: string;
}

/** Reads one key below `envreach.` (e.g. "java.home"); undefined when unset. */
export type SettingReader = (key: string) => unknown;

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function choice(value: unknown): string | undefined {
  const t = text(value);
  return t === undefined || t.toLowerCase() === "auto" ? undefined : t.toLowerCase();
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter((v) => v !== "");
  return items.length === 0 ? undefined : items;
}

/** `~`, `~/x` and `${userHome}` expanded against the user's home; other paths unchanged. */
export function expandUserPath(value: string | undefined, userHome: string): string | undefined {
  if (value === undefined) return undefined;
  let v = value.replace(/\$\{userHome\}/g, userHome);
  if (v === "~") v = userHome;
  else if (v.startsWith("~/")) v = path.join(userHome, v.slice(2));
  return v;
}

/** The server's view of the settings. */
export function serverSettings(get: SettingReader, userHome: string): ServerSettings {
  const out: ServerSettings = {};
  const platform = choice(get("platform"));
  if (platform) out.platform = platform;
  const loginShell = choice(get("loginShell"));
  if (loginShell) out.loginShell = loginShell;
  const contexts = strings(get("contexts"));
  if (contexts) out.contexts = contexts;
  const sysroot = expandUserPath(text(get("sysroot")), userHome);
  if (sysroot) out.sysroot = sysroot;
  const home = expandUserPath(text(get("home")), userHome);
  if (home) out.home = home;
  const layout = choice(get("dotfiles.layout"));
  const rawMapping = get("dotfiles.map");
  const mapping: Record<string, string> = {};
  if (rawMapping && typeof rawMapping === "object" && !Array.isArray(rawMapping)) {
    for (const [from, to] of Object.entries(rawMapping as Record<string, unknown>)) {
      const target = text(to);
      if (from.trim() !== "" && target) mapping[from.trim()] = target;
    }
  }
  if (layout || Object.keys(mapping).length > 0) {
    out.dotfiles = {};
    if (layout) out.dotfiles.layout = layout;
    if (Object.keys(mapping).length > 0) out.dotfiles.map = mapping;
  }
  const rules = strings(get("disabledRules"))
    ?.map((r) => r.toUpperCase())
    .filter((r) => /^ER[0-9]{3}$/.test(r));
  if (rules && rules.length > 0) out.disabledRules = [...new Set(rules)];
  const inlay = get("inlayHints.enabled");
  if (typeof inlay === "boolean") out.inlayHints = inlay;
  const inlayVariables = strings(get("inlayHints.variables"));
  if (inlayVariables) out.inlayHintVariables = inlayVariables;
  return out;
}

/** The settings only the client reads. */
export function clientSettings(get: SettingReader, userHome: string): ClientSettings {
  return {
    javaHome: expandUserPath(text(get("java.home")), userHome),
    javaOptions: strings(get("java.options")) ?? [],
    serverJar: expandUserPath(text(get("server.jar")), userHome),
  };
}

/** A reader over a plain nested object such as `{ platform: "debian", java: { home: "/opt/jdk" } }`. */
export function readerOf(values: Record<string, unknown>): SettingReader {
  return (key: string) => {
    if (key in values) return values[key];
    let node: unknown = values;
    for (const part of key.split(".")) {
      if (node === null || typeof node !== "object") return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  };
}
