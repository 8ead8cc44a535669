import { describe, httpGet, isOk } from "./http-get.js";

/** What one probe saw: an HTTP status, or why there was none. */
export interface ProbeResult {
  ok: boolean;
  /** "HTTP 503", "connection refused", "timed out after 1000 ms", ... */
  detail: string;
}

/** A probe of a URL; tests swap it for a fake. */
export type Probe = (url: string) => Promise<ProbeResult>;

/** GET the URL; ready means a 2xx answer within `timeoutMs`. */
export async function httpProbe(url: string, timeoutMs = 1000): Promise<ProbeResult> {
  const response = await httpGet(url, timeoutMs);
  return { ok: isOk(response), detail: describe(response) };
}
