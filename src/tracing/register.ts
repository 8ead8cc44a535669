/**
 * Preload form of gini-spm/tracing, for apps that should not change their code:
 * `node --import gini-spm/tracing/register app.js`. Loading before the app means every module the
 * app imports sees the instrumented node:http. The service name comes from OTEL_SERVICE_NAME,
 * which `gini up` sets to the app's name.
 */
import { setupTracing } from "./setup-tracing.js";

setupTracing({ serviceName: process.env.OTEL_SERVICE_NAME || "unknown_service:node" });
