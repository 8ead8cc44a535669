import { displayPath } from "../display-path.js";
import { type KeyPath, readYamlFile, type YamlFile } from "../model/index.js";
import type { Finding, Severity } from "./types.js";

/** A config file as the rules see it: parsed, and shown as findings name it. */
export interface ConfigDoc extends YamlFile {
  /** Path as findings show it. */
  file: string;
}

/** A finding to build: where it is and what it says, by name (message and fix are both free text). */
export interface FindingSpec {
  /** The file the finding is in. */
  doc: ConfigDoc;
  /** The key it is about; its line and column locate the finding. */
  keys: KeyPath;
  severity: Severity;
  /** The rule's id, e.g. `localhost-bind`. */
  rule: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** Builds a finding located at the key `keys` in `doc`. */
export function findingAt({ doc, keys, severity, rule, message, fix }: FindingSpec): Finding {
  const { line, column } = doc.locate(keys);
  return { severity, file: doc.file, line, column, rule, message, fix };
}

/** Reads and parses a config file; a missing file or bad YAML becomes an error finding instead. */
export async function loadConfigDoc(path: string): Promise<ConfigDoc | Finding> {
  const file = displayPath(path);
  const error = (rule: string, message: string, fix: string, line = 1, column = 1): Finding => ({
    severity: "error",
    file,
    line,
    column,
    rule,
    message,
    fix,
  });
  const yaml = await readYamlFile(path);
  if (!("problem" in yaml)) {
    if (typeof yaml.data === "object" && !Array.isArray(yaml.data)) return { ...yaml, file };
    return error(
      "yaml-syntax",
      "expected a mapping of keys at the top level",
      "start the file with `key: value` lines",
    );
  }
  switch (yaml.problem) {
    case "missing":
      return error("file-missing", "file not found", "run `gini init` to write the default file");
    case "unreadable":
      return error("file-missing", `cannot read: ${yaml.reason}`, "check the file's permissions");
    case "refused":
      return error("file-refused", yaml.reason, yaml.hint);
    case "syntax":
      return error(
        "yaml-syntax",
        `invalid YAML: ${yaml.reason}`,
        "fix the YAML syntax at that line (indentation, a missing ':', a duplicate key, an unclosed quote, an alias)",
        yaml.line,
        yaml.column,
      );
  }
}
