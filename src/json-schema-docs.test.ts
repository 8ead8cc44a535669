import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { JSON_DOCS, jsonSchemaText } from "../test/helpers/json-docs.js";

describe("docs/json-schema/: the --json documents' contract", () => {
  it.each(Object.entries(JSON_DOCS))(
    "%s.json is the schema the tests parse with",
    (name, schema) => {
      const file = join(import.meta.dirname, "..", "docs", "json-schema", `${name}.json`);
      const text = readFileSync(file, "utf8");
      expect(text, `docs/json-schema/${name}.json is out of date: run \`npm run docs\``).toBe(
        jsonSchemaText(schema),
      );
    },
  );
});
