import { get } from "node:http";

/** What one GET saw: a status and body, or status 0 and why there was no answer. */
export interface HttpResponse {
  /** HTTP status, or 0 when nothing answered. */
  status: number;
  body: string;
  /** "connection refused", "timed out after 1500 ms", ... when status is 0. */
  error?: string;
}

/** A GET that never rejects; tests swap it for a fake. */
export type HttpGet = (url: string) => Promise<HttpResponse>;

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
};
const MAX_BODY = 8 * 1024 * 1024;

/**
 * GET the URL with a deadline for the whole exchange. node:http rather than fetch: on Node 20 a
 * fetch to a port Docker's proxy accepted but cannot connect can hang with no handle alive.
 */
export function httpGet(url: string, timeoutMs = 1500): Promise<HttpResponse> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: HttpResponse) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = get(url, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      res.on("end", () =>
        finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", (err) => finish({ status: 0, body: "", error: err.message }));
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, body: "", error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) =>
      finish({
        status: 0,
        body: "",
        error: REASONS[err.code ?? ""] ?? err.code ?? err.message,
      }),
    );
  });
}

/** Memoizes a GET per URL, so checks of one run share each request. */
export function memoize(http: HttpGet): HttpGet {
  const seen = new Map<string, Promise<HttpResponse>>();
  return (url) => {
    let r = seen.get(url);
    if (!r) seen.set(url, (r = http(url)));
    return r;
  };
}

/** "HTTP 503" or the connection error, for findings. */
export function describe(r: HttpResponse): string {
  return r.status ? `HTTP ${r.status}` : (r.error ?? "no answer");
}

/** The body as JSON, or undefined when it is not. */
export function json(r: HttpResponse): unknown {
  try {
    return JSON.parse(r.body) as unknown;
  } catch {
    return undefined;
  }
}

/** True for a 2xx answer. */
export const isOk = (r: HttpResponse): boolean => r.status >= 200 && r.status < 300;
