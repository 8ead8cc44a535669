/**
 * The public entry of src/mcp: `gini mcp`, an MCP server over stdio whose tools run gini's own
 * commands with `--json` on the same project and engine, and answer their documents.
 */
export { giniRunner } from "./gini-run.js";
export { serveMcp } from "./server.js";
