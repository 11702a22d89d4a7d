// Small pure helpers for the commands: the variable name under the cursor, and the text of a
// server command's result.

/** The shell variable name at `column` in `line` (with or without `$`, `${`), or undefined. */
export function variableAt(line: string, column: number): string | undefined {
  const re = /[A-Za-z_][A-Za-z0-9_]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (column >= start && column <= end) {
      if (start > 0 && /[0-9]/.test(line[start - 1])) return undefined;
      return m[0];
    }
    if (start > column) break;
  }
  return undefined;
}

/** A server command returns text: a string, or an object holding it (markdown, text, value). */
export function commandResultText(result: unknown): string | undefined {
  if (typeof result === "string") return result;
  if (result && typeof result === "object") {
    const o = result as Record<string, unknown>;
    for (const key of ["markdown", "text", "value", "contents"]) {
      if (typeof o[key] === "string") return o[key] as string;
    }
    return "```json\n" + JSON.stringify(result, null, 2) + "\n```";
  }
  return undefined;
}
