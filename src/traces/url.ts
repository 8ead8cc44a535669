import { hostUrl, PORTS } from "../stack/index.js";

/** A trace in the Jaeger UI, at the port the services table publishes it on `publishedHost`. */
export const traceUrl = (publishedHost: string, traceId: string): string =>
  hostUrl(publishedHost, PORTS.jaegerUi, `/trace/${traceId}`);
