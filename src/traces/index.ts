/**
 * The public entry of src/traces: `gini traces`. Reads recent traces from Jaeger's api_v3 (OTLP
 * JSON), builds each into a span tree, and renders it as lines or as a stable JSON document.
 */
export { tracesDocument } from "./document.js";
export { emptyReason, searchHeading } from "./messages.js";
export { realTracesDeps } from "./real-deps.js";
export { renderTrace } from "./render.js";
export { findTraces, getTrace } from "./search.js";
