// Starts the CLI fast. Running the TypeScript through tsx costs ~0.6 s per call; instead we bundle
// lib/cli/main.ts once with esbuild into node_modules/.cache and rebuild only when a lib/ file is
// newer than the bundle (an mtime walk of lib/ takes a few milliseconds). Plain CommonJS on purpose:
// this file must run on bare Node before anything is compiled.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const libDir = path.join(root, "lib");
const bundle = path.join(root, "node_modules", ".cache", "privadapt-cli", "cli.cjs");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestMtime(libDir);
  } catch {
    return false;
  }
}

if (!bundleIsFresh()) {
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  require("esbuild").buildSync({
    entryPoints: [path.join(libDir, "cli", "main.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: tmp,
    logLevel: "error",
  });
  // Rename is atomic: two CLI calls racing never run a half-written bundle.
  fs.renameSync(tmp, bundle);
}

const { run } = require(bundle);
process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
});
