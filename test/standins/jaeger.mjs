// TEST STAND-IN, not the product: plays jaegertracing/jaeger (v2) in integration tests (no image
// registry here). Reads --config=..., receives OTLP into memory, serves the UI port's JSON API and
// answers the Monitor tab's metrics API by querying the configured Prometheus.
import { runService } from "./lib/engine.mjs";
import { ALL_IN_ONE, jaegerFactories } from "./lib/jaeger-components.mjs";
import { JAEGER_TYPES } from "./lib/known-types.mjs";

await runService({
  name: "jaeger",
  version: "2.0.0-standin",
  known: JAEGER_TYPES,
  factories: jaegerFactories,
  defaultConfig: ALL_IN_ONE,
});
