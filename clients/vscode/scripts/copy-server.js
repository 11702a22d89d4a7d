// Copies the server jar built by Maven into the extension (server/envreach.jar).
// The jar comes from ../../server/target/envreach.jar, or from $ENVREACH_JAR when set.
"use strict";
const fs = require("fs");
const path = require("path");

const extensionDir = path.resolve(__dirname, "..");
const source = process.env.ENVREACH_JAR
  ? path.resolve(process.env.ENVREACH_JAR)
  : path.resolve(extensionDir, "..", "..", "server", "target", "envreach.jar");
const target = path.join(extensionDir, "server", "envreach.jar");

if (!fs.existsSync(source)) {
  console.error(
    `copy-server: the envreach server jar is missing: ${source}\n` +
      "Build it first from the repository root with:  mvn -B -DskipTests package\n" +
      "(or set ENVREACH_JAR to the path of an envreach.jar)."
  );
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
console.log(`copy-server: ${path.relative(extensionDir, source)} -> ${path.relative(extensionDir, target)}`);
