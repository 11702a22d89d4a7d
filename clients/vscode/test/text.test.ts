// The variable under the cursor, and the text of a server command's result.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { commandResultText, variableAt } from "../src/text";

test("finds the variable name around the cursor", () => {
  const line = 'export PATH="$GOPATH/bin:${HOME}/x"';
  assert.equal(variableAt(line, 0), "export");
  assert.equal(variableAt(line, 8), "PATH");
  assert.equal(variableAt(line, 16), "GOPATH");
  assert.equal(variableAt(line, 28), "HOME");
  assert.equal(variableAt(line, 6), "export", "the end of a word still counts");
  assert.equal(variableAt("   ", 1), undefined);
});

test("a command result is shown as text whatever its shape", () => {
  assert.equal(commandResultText("| a | b |"), "| a | b |");
  assert.equal(commandResultText({ markdown: "# m" }), "# m");
  assert.equal(commandResultText({ text: "t" }), "t");
  assert.match(commandResultText({ rows: [1] })!, /"rows"/);
  assert.equal(commandResultText(null), undefined);
});
