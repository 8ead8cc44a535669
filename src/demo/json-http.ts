import type { IncomingMessage, ServerResponse } from "node:http";

import { SpanStatusCode, trace } from "@opentelemetry/api";

/** Largest request body the demo servers read; they only ever receive a short prompt. */
const BODY_LIMIT = 64 * 1024;

/** A request the demo cannot serve, answered with `status` and `{ error: message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the whole body as text, refusing more than {@link BODY_LIMIT} bytes. */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new HttpError(413, "request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The `prompt` of a `{ "prompt": "..." }` body; 400 for anything else. */
export async function readPrompt(req: IncomingMessage): Promise<string> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, "body must be JSON");
  }
  const prompt = (body as { prompt?: unknown } | null)?.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") {
    throw new HttpError(400, 'body must be {"prompt": "<non-empty text>"}');
  }
  return prompt;
}

/** Sends `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Names the server span after the route. The HTTP instrumentation calls it just "GET"/"POST",
 * and span metrics group by span name: without this, the Monitor tab would lump every endpoint
 * together. A no-op when tracing is off.
 */
export function nameRoute(method: string, route: string): void {
  const span = trace.getActiveSpan();
  span?.updateName(`${method} ${route}`);
  span?.setAttribute("http.route", route);
}

/** Answers a failed request; 5xx errors also mark the server span as failed. */
export function sendError(res: ServerResponse, err: unknown): void {
  const status = err instanceof HttpError ? err.status : 500;
  const message = err instanceof Error ? err.message : String(err);
  if (status >= 500) {
    const span = trace.getActiveSpan();
    if (err instanceof Error) span?.recordException(err);
    span?.setStatus({ code: SpanStatusCode.ERROR, message });
  }
  if (!res.headersSent) sendJson(res, status, { error: message });
  else res.end();
}
