/** One kind of request `gini traffic` sends. */
export interface TrafficRequest {
  /** Key in the per-route counts, e.g. "ui POST /api/generate". */
  route: string;
  target: "ui" | "api";
  method: "GET" | "POST";
  path: string;
  /** JSON body for POST. */
  prompt?: string;
}

const PROMPTS = [
  "Write a haiku about distributed tracing",
  "Summarise the RED method in one sentence",
  "Name three reasons a request can be slow",
  "Explain p99 latency to a product manager",
  "Suggest a name for a metrics dashboard",
];

const generate = (target: "ui" | "api", prompt: string): TrafficRequest => ({
  route: `${target} POST /api/generate${/fail/.test(prompt) ? " (fail)" : ""}`,
  target,
  method: "POST",
  path: "/api/generate",
  prompt,
});
const items = (target: "ui" | "api"): TrafficRequest => ({
  route: `${target} GET /api/items`,
  target,
  method: "GET",
  path: "/api/items",
});

/**
 * One cycle of 20 requests, repeated: 45% slow generations, 40% fast listings, 15% failures,
 * two thirds of them through the UI (traces spanning both services), the rest straight to the
 * API. A fixed cycle instead of random picks keeps the proportions exact in short runs.
 */
export const TRAFFIC_CYCLE: readonly TrafficRequest[] = [
  generate("ui", PROMPTS[0]!),
  items("ui"),
  items("api"),
  generate("api", PROMPTS[1]!),
  generate("ui", "please fail this one"),
  generate("ui", PROMPTS[2]!),
  items("ui"),
  generate("ui", PROMPTS[3]!),
  items("api"),
  generate("api", "fail on purpose"),
  generate("ui", PROMPTS[4]!),
  items("ui"),
  generate("api", PROMPTS[0]!),
  items("api"),
  generate("ui", PROMPTS[1]!),
  generate("ui", "make it fail"),
  items("ui"),
  generate("api", PROMPTS[2]!),
  items("api"),
  generate("ui", PROMPTS[3]!),
];
