// Writes the generated block of each docs page (docs/README.md, docs/commands/<command>.md) from
// the commander definitions the CLI itself runs, so a page cannot drift from `--help`;
// src/cli/command-docs.test.ts fails until this has run. Run with tsx: `npm run docs`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { commandPages, withBlock } from "../src/cli/command-docs.ts";
import { buildProgram } from "../src/cli/program.ts";
import { JSON_DOCS, jsonSchemaText } from "../test/helpers/json-docs.ts";

const root = join(import.meta.dirname, "..");
for (const { file, title, block } of commandPages(buildProgram())) {
  const path = join(root, file);
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  const after = withBlock(before, title, block);
  if (after === before) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, after);
  console.log(`${before ? "updated" : "created"} ${file}`);
}

// The --json documents' contract as JSON Schema, from the zod schemas the integration tests parse
// every document with; src/json-schema-docs.test.ts fails until this has run.
for (const [name, schema] of Object.entries(JSON_DOCS)) {
  const file = join("docs", "json-schema", `${name}.json`);
  const path = join(root, file);
  const text = jsonSchemaText(schema);
  if (existsSync(path) && readFileSync(path, "utf8") === text) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${file}`);
}
