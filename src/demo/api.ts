/**
 * Entry of the demo API (service `gini-api`, PORT default 8000). Tracing starts first; the
 * server module is imported only afterwards so it runs on the instrumented node:http.
 */
import { setupTracing } from "../tracing/setup-tracing.js";

const shutdownTracing = setupTracing({ serviceName: "gini-api" });
const { createApiServer } = await import("./api-server.js");
const { listenAddress, serve } = await import("./serve.js");

serve(createApiServer(), {
  name: "gini-api",
  ...listenAddress(8000),
  shutdownTracing,
});
