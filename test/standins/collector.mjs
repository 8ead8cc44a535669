// TEST STAND-IN, not the product: plays otel/opentelemetry-collector-contrib in integration tests
// (no image registry here). Reads --config=..., refuses unknown component types like the real
// contrib build, receives OTLP, forwards it over OTLP/gRPC, computes span metrics.
import { runService } from "./lib/engine.mjs";
import { collectorFactories } from "./lib/collector-components.mjs";
import { CONTRIB_TYPES } from "./lib/known-types.mjs";

await runService({
  name: "otelcol-contrib",
  version: "0.0.0-standin",
  known: CONTRIB_TYPES,
  factories: collectorFactories,
});
