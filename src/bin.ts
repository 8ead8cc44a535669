#!/usr/bin/env node
import { readFileSync } from "node:fs";

// `gini --version` answers without loading commander or chalk: it is the cold-start benchmark.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  process.stdout.write(pkg.version + "\n");
} else {
  const { main } = await import("./main.js");
  process.exitCode = await main(process.argv);
}
