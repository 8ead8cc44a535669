// TEST STAND-IN, not the product: reads the collector-style YAML config given by --config, with
// ${env:VAR:-default} expansion, plus duration and endpoint parsing shared by the stand-ins.
import { readFileSync } from "node:fs";
import process from "node:process";
import YAML from "yaml";

export class ConfigError extends Error {}

/** Returns the paths given with --config=PATH / --config PATH (a file: prefix is allowed). */
export function configPaths(argv = process.argv.slice(2)) {
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--config" && argv[i + 1]) paths.push(argv[++i]);
    else if (a.startsWith("--config=")) paths.push(a.slice("--config=".length));
  }
  return paths.map((p) => p.replace(/^file:/, ""));
}

export function expandEnv(text, env = process.env) {
  return text.replace(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_m, name, def) =>
    env[name] !== undefined && env[name] !== "" ? env[name] : (def ?? ""),
  );
}

export function loadConfig(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ConfigError(
      `cannot retrieve the configuration: unable to read the file ${path}: ${err.message}`,
    );
  }
  let cfg;
  try {
    cfg = YAML.parse(expandEnv(text));
  } catch (err) {
    throw new ConfigError(`cannot unmarshal the configuration: yaml: ${err.message}`);
  }
  if (cfg === null || cfg === undefined) cfg = {};
  if (typeof cfg !== "object" || Array.isArray(cfg))
    throw new ConfigError("cannot unmarshal the configuration: the root must be a map");
  return cfg;
}

const UNITS = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Go-style duration ("1.5s", "100ms", "1m30s") or a number of ms → milliseconds. */
export function parseDuration(value, fallbackMs) {
  if (value === undefined || value === null || value === "") return fallbackMs;
  if (typeof value === "number") return value;
  const s = String(value).trim();
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * UNITS[m[2]];
    matched = re.lastIndex;
  }
  if (matched !== s.length || matched === 0) throw new ConfigError(`time: invalid duration "${s}"`);
  return total;
}

export function formatDuration(ms) {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(3)}s` : `${+ms.toFixed(3)}ms`;
}

/** "host:port" (host may be empty, "[::]" or missing) → { host, port }. */
export function parseEndpoint(endpoint, defaultEndpoint) {
  const value =
    endpoint === undefined || endpoint === null || endpoint === "" ? defaultEndpoint : endpoint;
  const m = /^(?:\[([^\]]*)\]|([^:]*)):(\d+)$/.exec(String(value));
  if (!m) throw new ConfigError(`invalid endpoint "${value}": expected host:port`);
  const host = m[1] ?? m[2] ?? "";
  return { host: host === "" ? "0.0.0.0" : host, port: Number(m[3]), text: String(value) };
}

export const componentType = (id) => String(id).split("/")[0];
