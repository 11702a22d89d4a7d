// Copies the server jar into the extension (as the build does), then runs the compiled tests with
// node's built-in test runner. The file list is explicit, so it works on every Node.js from 18 on.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

// A missing jar is reported by copy-server; the protocol test then fails and says so.
spawnSync(process.execPath, [path.join(__dirname, "copy-server.js")], { stdio: "inherit" });

const dir = path.resolve(__dirname, "..", "out", "tsc", "test");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".test.js"))
  .sort()
  .map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error(`run-tests: no test files in ${dir}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
