/** The public entry of src/text: wording and parsing helpers every folder may use. */
export { durationSeconds, type DurationUnit } from "./duration.js";
export { envFromEntries } from "./env-entries.js";
export { formatMs } from "./format-ms.js";
export { percentValue } from "./percent.js";
export { plural, pluralS } from "./plural.js";
export { printable } from "./printable.js";
