/**
 * Entry of the demo UI (service `gini-ui`, PORT default 7860, API_URL default
 * http://localhost:8000). Tracing starts before the server module loads node:http.
 */
import { setupTracing } from "../tracing/setup-tracing.js";

const shutdownTracing = setupTracing({ serviceName: "gini-ui" });
const { createUiServer } = await import("./ui-server.js");
const { listenAddress, serve } = await import("./serve.js");

serve(createUiServer(process.env.API_URL || "http://localhost:8000"), {
  name: "gini-ui",
  ...listenAddress(7860),
  shutdownTracing,
});
