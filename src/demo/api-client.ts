import http from "node:http";

import { HttpError } from "./json-http.js";

/** A reply from the API, passed on as is. */
export interface ApiReply {
  status: number;
  body: string;
}

/** How long the UI waits for the API before answering 504. */
const API_TIMEOUT_MS = 10_000;

/**
 * Calls the API with node:http rather than fetch: the HTTP instrumentation traces node:http
 * (fetch goes through undici, which it does not see), and so the outgoing call carries the
 * W3C `traceparent` that joins the UI's and the API's spans into one trace.
 */
export function callApi(
  apiUrl: string,
  method: string,
  path: string,
  body?: string,
): Promise<ApiReply> {
  const url = new URL(path, apiUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        timeout: API_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () =>
      req.destroy(new HttpError(504, `API at ${url.origin} did not answer in time`)),
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err instanceof HttpError) return reject(err);
      reject(
        new HttpError(502, `API at ${url.origin} is unreachable (${err.code ?? err.message})`),
      );
    });
    req.end(body);
  });
}
