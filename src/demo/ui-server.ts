import http, { type IncomingMessage, type ServerResponse } from "node:http";

import { callApi } from "./api-client.js";
import { HttpError, nameRoute, readPrompt, sendError, sendJson } from "./json-http.js";
import { UI_PAGE } from "./ui-page.js";

/** Passes the API's answer on, status included, so an API failure shows as a UI failure. */
function relay(res: ServerResponse, reply: { status: number; body: string }): void {
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    throw new HttpError(502, `API answered HTTP ${reply.status} with a body that is not JSON`);
  }
  if (reply.status >= 500) {
    const message = (body as { error?: unknown }).error;
    sendError(
      res,
      new HttpError(
        reply.status,
        typeof message === "string" ? message : `API answered HTTP ${reply.status}`,
      ),
    );
    return;
  }
  sendJson(res, reply.status, body);
}

async function route(apiUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const key = `${req.method} ${path}`;
  if (key === "GET /" || key === "GET /index.html") {
    nameRoute("GET", "/");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(UI_PAGE);
    return;
  }
  if (key === "GET /health") return sendJson(res, 200, { status: "ok" });
  if (key === "POST /api/generate") {
    nameRoute("POST", "/api/generate");
    const prompt = await readPrompt(req);
    return relay(res, await callApi(apiUrl, "POST", "/api/generate", JSON.stringify({ prompt })));
  }
  if (key === "GET /api/items") {
    nameRoute("GET", "/api/items");
    return relay(res, await callApi(apiUrl, "GET", "/api/items"));
  }
  throw new HttpError(404, `no route for ${key}`);
}

/**
 * The demo UI (service `gini-ui`): serves the page and relays `POST /api/generate` and
 * `GET /api/items` to the API at `apiUrl`, so one trace spans both services.
 */
export function createUiServer(apiUrl: string): http.Server {
  return http.createServer((req, res) => {
    route(apiUrl, req, res).catch((err: unknown) => sendError(res, err));
  });
}
