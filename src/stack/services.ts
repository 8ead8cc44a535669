import type { ServiceName } from "../config/schema.js";
import { DEFAULT_IMAGES } from "./images.js";

/** One service of the SPM stack, declared once; everything else is derived from this list. */
export interface ServiceDefinition {
  name: ServiceName;
  /** Pinned upstream image. */
  defaultImage: string;
  /** Env var that overrides the image (wins over gini.yaml). */
  imageEnv: string;
  /** Where the project's config file is mounted, read-only. */
  mountPath: string;
  /** Arguments for the image's entrypoint; undefined keeps the image's own CMD. */
  command?: string[];
  /** Container ports published on the host at the same number. */
  ports: number[];
  /** Readiness: HTTP GET on this published port and path must answer 200. */
  ready: { port: number; path: string };
  /** What a user opens in a browser, if anything. */
  url?: { port: number; path: string; label: string };
}

/** The stack, in start and display order. */
export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: "otel-collector",
    defaultImage: DEFAULT_IMAGES["otel-collector"],
    imageEnv: "GINI_OTEL_COLLECTOR_IMAGE",
    mountPath: "/etc/otel-collector-config.yaml",
    command: ["--config=/etc/otel-collector-config.yaml"],
    // OTLP gRPC, OTLP HTTP, self-metrics, span metrics, health_check.
    ports: [4317, 4318, 8888, 8889, 13133],
    ready: { port: 13133, path: "/" },
  },
  {
    name: "jaeger",
    defaultImage: DEFAULT_IMAGES.jaeger,
    imageEnv: "GINI_JAEGER_IMAGE",
    mountPath: "/etc/jaeger/config.yaml",
    command: ["--config=/etc/jaeger/config.yaml"],
    ports: [16686],
    ready: { port: 16686, path: "/" },
    url: { port: 16686, path: "/", label: "Jaeger UI" },
  },
  {
    name: "prometheus",
    defaultImage: DEFAULT_IMAGES.prometheus,
    imageEnv: "GINI_PROMETHEUS_IMAGE",
    mountPath: "/etc/prometheus/prometheus.yml",
    ports: [9090],
    ready: { port: 9090, path: "/-/ready" },
    url: { port: 9090, path: "/", label: "Prometheus" },
  },
];
