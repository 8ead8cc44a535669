#!/usr/bin/env node
import { readFileSync } from "node:fs";

// `gini --version` answers without loading commander or chalk: it is the cold-start benchmark.
// This file runs as dist/bundle/bin.js (scripts/bundle.mjs), two folders below package.json.
// `gini status | head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  process.stdout.write(pkg.version + "\n");
} else {
  const { main } = await import("./main.js");
  process.exitCode = await main(process.argv);
}
