// TEST STAND-IN, not the product: collector-style (zap console encoder) logging to stderr.
import process from "node:process";

function line(level, caller, msg, fields) {
  const extra = fields && Object.keys(fields).length > 0 ? `\t${JSON.stringify(fields)}` : "";
  process.stderr.write(`${new Date().toISOString()}\t${level}\t${caller}\t${msg}${extra}\n`);
}

/** A logger bound to a caller label (e.g. "otlpreceiver/otlp.go") and base fields. */
export function createLogger(caller = "standin", base = {}) {
  const log = (level) => (msg, fields) => line(level, caller, msg, { ...base, ...fields });
  return {
    debug: () => {},
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (childCaller, fields = {}) => createLogger(childCaller, { ...base, ...fields }),
  };
}

/** Component logger with the collector's usual fields. */
export function componentLogger(kind, id, dataType) {
  const fields = { kind, name: id };
  if (dataType) fields.data_type = dataType;
  return createLogger(`${id.split("/")[0]}${kind}`, fields);
}
