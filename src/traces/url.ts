import { hostUrl, PORTS } from "../stack/index.js";

/** A trace in the Jaeger UI, at the port the services table publishes it on. */
export const traceUrl = (traceId: string): string => hostUrl(PORTS.jaegerUi, `/trace/${traceId}`);
