import { get } from "node:http";

/** What one probe saw: an HTTP status, or why there was none. */
export interface ProbeResult {
  ok: boolean;
  /** "HTTP 503", "connection refused", "timed out after 1000 ms", ... */
  detail: string;
}

/** A probe of a URL; tests swap it for a fake. */
export type Probe = (url: string) => Promise<ProbeResult>;

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
};

/**
 * GET the URL; ready means a 2xx answer within `timeoutMs`. node:http rather than fetch: on
 * Node 20, a fetch to a port Docker's proxy has accepted but not yet connected can hang with no
 * handle keeping the process alive, and the process then exits in the middle of a wait.
 */
export function httpProbe(url: string, timeoutMs = 1000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const req = get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve({ ok: status >= 200 && status < 300, detail: `HTTP ${status}` });
    });
    req.on("timeout", () => {
      req.destroy();
      resolve({ ok: false, detail: `timed out after ${timeoutMs} ms` });
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      resolve({ ok: false, detail: REASONS[err.code ?? ""] ?? err.code ?? err.message });
    });
  });
}
