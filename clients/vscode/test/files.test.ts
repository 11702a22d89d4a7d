// The dotfile names envreach recognises, and that the extension manifest associates the same ones
// with the shell language.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import {
  dialectOf,
  documentSelector,
  isShellFileName,
  manifestFilenamePatterns,
  manifestFilenames,
  startupFileTarget,
  STARTUP_FILES,
} from "../src/files";

test("every startup file is recognised under its own name", () => {
  for (const name of [".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".profile", ".zshenv", ".zprofile", ".zshrc", ".zlogin", ".zlogout"]) {
    assert.equal(startupFileTarget(name), name, name);
  }
});

test("chezmoi source names map to their home targets", () => {
  assert.equal(startupFileTarget("dot_bashrc"), ".bashrc");
  assert.equal(startupFileTarget("private_dot_zshrc"), ".zshrc");
  assert.equal(startupFileTarget("private_readonly_dot_profile"), ".profile");
  assert.equal(startupFileTarget("dot_zshenv.tmpl"), ".zshenv");
});

test("stow --dotfiles names map to their home targets", () => {
  assert.equal(startupFileTarget("dot-bashrc"), ".bashrc");
  assert.equal(startupFileTarget("dot-zprofile"), ".zprofile");
});

test("names that are not startup files are not claimed", () => {
  for (const name of ["bashrc", ".vimrc", "dot_vimrc", "dot-gitconfig", "README.md", ".bashrc.bak", "dot_bashrc_old"]) {
    assert.equal(startupFileTarget(name), undefined, name);
    assert.equal(isShellFileName(name), false, name);
  }
});

test("the dialect follows the name", () => {
  assert.equal(dialectOf(".bashrc"), "bash");
  assert.equal(dialectOf("dot-bash_logout"), "bash");
  assert.equal(dialectOf("private_dot_zlogin"), "zsh");
  assert.equal(dialectOf(".profile"), "sh");
  assert.equal(dialectOf("install.sh"), "sh");
  assert.equal(dialectOf("lib.bash"), "bash");
  assert.equal(dialectOf("prompt.zsh"), "zsh");
});

test("the manifest associates exactly the recognised names with the shellscript language", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8"));
  const shell = manifest.contributes.languages.find((l: { id: string }) => l.id === "shellscript");
  assert.ok(shell, "package.json contributes the shellscript language");
  assert.deepEqual([...shell.filenames].sort(), manifestFilenames().sort());
  assert.deepEqual([...shell.filenamePatterns].sort(), manifestFilenamePatterns().sort());
  assert.ok(manifest.activationEvents.includes("onLanguage:shellscript"));
});

test("manifest patterns cover the chezmoi and stow names of every startup file", () => {
  const patterns = manifestFilenamePatterns();
  for (const file of STARTUP_FILES) {
    const bare = file.slice(1);
    assert.ok(patterns.includes(`dot_${bare}`), `dot_${bare}`);
    assert.ok(patterns.includes(`*_dot_${bare}`), `*_dot_${bare}`);
    assert.ok(patterns.includes(`dot-${bare}`), `dot-${bare}`);
  }
});

test("the document selector takes shell documents and startup files in any language", () => {
  const selector = documentSelector();
  assert.ok(selector.some((s) => s.language === "shellscript" && s.scheme === "file"));
  const pattern = selector.find((s) => s.pattern !== undefined);
  assert.ok(pattern && pattern.pattern!.includes(".zshrc") && pattern.pattern!.includes("dot-bashrc"));
});
