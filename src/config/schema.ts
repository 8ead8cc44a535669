import * as z from "zod";

import { durationSeconds, percentValue } from "../text/index.js";

/** The three services of the SPM stack, in the order gini lists them. */
export const SERVICE_NAMES = ["otel-collector", "jaeger", "prometheus"] as const;
/** One of the stack's services; also its container name and network alias. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * What Docker accepts as a container name; also gini.yaml's `name:`, which prefixes the container
 * name of every image app.
 */
export const CONTAINER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * An app's name: a file name under .gini/logs, OTEL_SERVICE_NAME, a DNS alias on gini-network and
 * part of a container name, so lower-case ASCII without slashes. A stack service's name would give
 * gini-network a second host of that name.
 */
const appNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "an app name is lower-case letters, digits, '_', '.' and '-'")
  .refine((name) => !(SERVICE_NAMES as readonly string[]).includes(name), {
    error: "a stack service has this name",
  });

/** What an app's `otlp:` accepts: the OTLP transport its exporter speaks. */
const OTLP_TRANSPORTS = ["grpc", "http"] as const;
/** One of OTLP_TRANSPORTS. */
export type OtlpTransport = (typeof OTLP_TRANSPORTS)[number];

/** Per-service overrides under `stack.<service>` in gini.yaml. */
export const stackServiceSchema = z.strictObject({
  /** Image reference used instead of the pinned default (the GINI_*_IMAGE env var still wins). */
  image: z.string().min(1).optional(),
  /** Config file to mount, relative to the project folder. */
  config: z.string().min(1).optional(),
});

/** One app under `apps:`: a host command or a container image, launched after the stack is ready. */
export const appSchema = z
  .strictObject({
    /** Shell command run on the host. */
    command: z.string().min(1).optional(),
    /** Image run as a container on gini-network instead of a host command. */
    image: z.string().min(1).optional(),
    /** Working folder, relative to the project folder. */
    cwd: z.string().optional(),
    /**
     * The OTLP transport the app's exporter speaks, which decides the endpoint and protocol gini
     * injects: `grpc` (default) → port 4317 and `grpc`; `http` → port 4318 and `http/protobuf`.
     * For apps that link one exporter and ignore OTEL_EXPORTER_OTLP_PROTOCOL.
     */
    otlp: z.enum(OTLP_TRANSPORTS).optional(),
    /** Extra environment; wins over what gini injects. */
    env: z
      .record(
        // What an environment can hold: execve takes NAME=value strings ending at a NUL byte.
        z
          .string()
          .regex(/^[^=\0]+$/, { error: "an environment variable's name holds no = or NUL byte" }),
        z.string().regex(/^[^\0]*$/, { error: "an environment value holds no NUL byte" }),
      )
      .optional(),
    /** http:// URL that answers 2xx once the app is ready (the probe speaks plain HTTP only). */
    ready: z
      .url()
      .refine((url) => /^http:\/\//i.test(url), { error: "gini probes plain http:// URLs only" })
      .optional(),
    /** Apps that must be ready before this one starts. */
    depends_on: z.array(z.string()).optional(),
    /** For `image` apps: container ports published on the host at the same number. */
    ports: z.array(z.number().int().min(1).max(65535)).optional(),
    /**
     * For command apps under `gini up --watch`: the files and folders whose changes restart the
     * app, relative to its cwd (default: the cwd itself).
     */
    watch: z.array(z.string().min(1)).min(1).optional(),
    /**
     * For `gini up --watch`: changes that do not restart the app, in .gitignore syntax relative to
     * its cwd, on top of .git, node_modules, .gini and what .gitignore files list.
     */
    ignore: z.array(z.string().min(1)).optional(),
  })
  .refine((app) => !app.command !== !app.image, {
    error: "give exactly one of command (a host process) or image (a container)",
  })
  .refine((app) => !app.ports || app.image, {
    error: "ports is for image apps; a host command opens its own ports",
    path: ["ports"],
  })
  .superRefine((app, ctx) => {
    if (app.command) return;
    for (const key of ["watch", "ignore"] as const) {
      if (app[key] === undefined) continue;
      ctx.addIssue({
        code: "custom",
        message: `${key} is for command apps; gini up --watch restarts host processes only`,
        path: [key],
      });
    }
  });

/** A latency budget: a duration with a unit, e.g. `300ms`, `1.5s`. */
const latencyBudget = z
  .string()
  .refine((text) => (durationSeconds(text, ["ms", "s", "m"]) ?? 0) > 0, {
    error: "a duration with a unit, e.g. 300ms or 1.5s",
  });

/**
 * The budgets of one service under `slo:`, which `gini check` judges over its window. Every key is
 * optional; a CLI flag wins over the same key here.
 */
export const sloSchema = z.strictObject({
  /** 95th percentile latency of the service's server spans, e.g. `300ms`. */
  p95: latencyBudget.optional(),
  /** 99th percentile latency, e.g. `1s`. */
  p99: latencyBudget.optional(),
  /** Share of failed requests (span status Error), as a percentage: `1%`, `0.5%` (or `1`). */
  error_rate: z
    .union([z.string(), z.number()])
    .refine((value) => percentValue(value) !== undefined, {
      error: "a percentage from 0 to 100, e.g. 1% or 0.5%",
    })
    .optional(),
  /** Fewer requests than this in the window cannot be judged (`gini check` exits 3); default 10. */
  min_requests: z.number().int().min(1).optional(),
});

/** The whole gini.yaml document. Every key is optional. */
export const giniFileSchema = z.strictObject({
  /** Project name, used in container labels; defaults to the project folder's name. */
  name: z.string().regex(CONTAINER_NAME_PATTERN, "letters, digits, '_', '.', '-' only").optional(),
  /** Host address published ports bind to: 127.0.0.1 (default) or 0.0.0.0 to expose the stack. */
  bind: z.union([z.literal("127.0.0.1"), z.literal("0.0.0.0")]).optional(),
  /** Overrides for the stack's services. */
  stack: z
    .strictObject({
      "otel-collector": stackServiceSchema.optional(),
      jaeger: stackServiceSchema.optional(),
      prometheus: stackServiceSchema.optional(),
    })
    .optional(),
  /** Apps launched on the host (or as containers) after the stack is ready. */
  apps: z.record(appNameSchema, appSchema).optional(),
  /**
   * Budgets for `gini check`, per service as its spans name it (`service.name`; for an app under
   * `apps:`, the app's name unless its env sets OTEL_SERVICE_NAME). The key `"*"` holds budgets for
   * every service; a service's own keys win over it.
   */
  slo: z.record(z.string().min(1), sloSchema).optional(),
});

/** gini.yaml as parsed. */
export type GiniFile = z.infer<typeof giniFileSchema>;
/** The budgets of one service under `slo:` in gini.yaml, as written. */
export type SloConfig = z.infer<typeof sloSchema>;
/** One app entry of gini.yaml. */
export type AppConfig = z.infer<typeof appSchema>;
