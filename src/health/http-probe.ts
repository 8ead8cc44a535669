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
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    await res.body?.cancel();
    return { ok: res.status >= 200 && res.status < 300, detail: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === "TimeoutError") return { ok: false, detail: `timed out after ${timeoutMs} ms` };
    const code = e.cause?.code;
    if (code === "ECONNREFUSED") return { ok: false, detail: "connection refused" };
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return { ok: false, detail: "connection reset" };
    return { ok: false, detail: code ?? e.message };
  }
}
