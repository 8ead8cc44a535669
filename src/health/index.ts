/** The public entry of src/health: HTTP probes and waiting with an injectable clock. */
export { type Clock, systemClock } from "./clock.js";
export {
  describe,
  type HttpGet,
  httpGet,
  type HttpResponse,
  isOk,
  json,
  memoize,
} from "./http-get.js";
export { httpProbe, type Probe } from "./http-probe.js";
export { isPortFree } from "./port-free.js";
export { waitUntil } from "./wait.js";
