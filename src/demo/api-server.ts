import http, { type IncomingMessage, type ServerResponse } from "node:http";

import { SpanStatusCode, trace } from "@opentelemetry/api";

import { plural } from "../text/index.js";
import { HttpError, nameRoute, readPrompt, sendError, sendJson } from "./json-http.js";
import { sampleLatencyMs, sleep } from "./latency.js";
import { latencyKnob, uniformMs } from "./latency-knob.js";

const tracer = trace.getTracer("gini-demo-api");
const latencyOf = latencyKnob();
const MODEL = "gini-demo-model";

/** The fast listing behind `GET /api/items`. */
const ITEMS = ["haiku", "limerick", "summary", "tweet", "release note", "commit message"].map(
  (kind, i) => ({ id: i + 1, name: `${kind} generator` }),
);

/**
 * The "model" step of a generation, as its own child span: this is where the time goes, which
 * is what a trace should show. A prompt mentioning "fail" fails here, like a model error would.
 */
async function runModel(prompt: string): Promise<{ answer: string; latencyMs: number }> {
  return tracer.startActiveSpan("model.generate", async (span) => {
    span.setAttribute("gen_ai.request.model", MODEL);
    span.setAttribute("demo.prompt.length", prompt.length);
    try {
      if (/fail/i.test(prompt)) {
        await sleep(sampleLatencyMs({ median: 60, sigma: 0.3, min: 20, max: 150 }));
        throw new Error(`${MODEL} failed: the prompt asked for a failure`);
      }
      const latencyMs = sampleLatencyMs({ median: 140, sigma: 0.55, min: 50, max: 400 });
      await sleep(latencyMs);
      const words = prompt.trim().split(/\s+/).length;
      const answer = `${MODEL} read ${plural(words, "word")} and answers: "${[...prompt.trim()].reverse().join("")}"`;
      span.setAttribute("demo.answer.length", answer.length);
      return { answer, latencyMs };
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const key = `${req.method} ${path}`;
  if (key === "GET /health") return sendJson(res, 200, { status: "ok" });
  if (key === "GET /api/items") {
    nameRoute("GET", "/api/items");
    const knob = latencyOf(key);
    await sleep(
      knob ? uniformMs(knob) : sampleLatencyMs({ median: 4, sigma: 0.5, min: 1, max: 20 }),
    );
    return sendJson(res, 200, { items: ITEMS });
  }
  if (key === "POST /api/generate") {
    nameRoute("POST", "/api/generate");
    const prompt = await readPrompt(req);
    const knob = latencyOf(key);
    if (knob) await sleep(uniformMs(knob));
    const { answer, latencyMs } = await runModel(prompt);
    return sendJson(res, 200, { answer, model: MODEL, latencyMs });
  }
  throw new HttpError(404, `no route for ${key}`);
}

/**
 * The demo API (service `gini-api`): `POST /api/generate {prompt}` (slow, variable, fails for
 * prompts containing "fail"), `GET /api/items` (fast) and `GET /health`. node:http only.
 * The file GINI_DEMO_LATENCY_FILE names slows routes down (latency-knob.ts).
 */
export function createApiServer(): http.Server {
  return http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => sendError(res, err));
  });
}
