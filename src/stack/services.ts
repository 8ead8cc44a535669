import type { ServiceName } from "../config/index.js";
import { hostUrl, NETWORK, PORTS } from "../config/index.js";
import { DEFAULT_IMAGES } from "./images.js";

/**
 * The network and the named ports of the stack, as the config model defines them (the rules check
 * the config files against the same numbers), and the host URL of a published port; the stack,
 * the doctor and the CLI read them here.
 */
export { hostUrl, NETWORK, PORTS };

/** Seconds a container gets to exit on SIGTERM before it is killed: the stack holds no data. */
export const STOP_TIMEOUT_SECONDS = 2;

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
  /** What a user opens in a browser, if anything (`gini status` shows it). */
  url?: { port: number; path: string };
}

/** The stack, in start and display order. */
export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: "otel-collector",
    defaultImage: DEFAULT_IMAGES["otel-collector"],
    imageEnv: "GINI_OTEL_COLLECTOR_IMAGE",
    mountPath: "/etc/otel-collector-config.yaml",
    command: ["--config=/etc/otel-collector-config.yaml"],
    ports: [PORTS.otlpGrpc, PORTS.otlpHttp, PORTS.selfMetrics, PORTS.spanMetrics, PORTS.health],
    ready: { port: PORTS.health, path: "/" },
  },
  {
    name: "jaeger",
    defaultImage: DEFAULT_IMAGES.jaeger,
    imageEnv: "GINI_JAEGER_IMAGE",
    mountPath: "/etc/jaeger/config.yaml",
    command: ["--config=/etc/jaeger/config.yaml"],
    ports: [PORTS.jaegerUi],
    ready: { port: PORTS.jaegerUi, path: "/" },
    url: { port: PORTS.jaegerUi, path: "/" },
  },
  {
    name: "prometheus",
    defaultImage: DEFAULT_IMAGES.prometheus,
    imageEnv: "GINI_PROMETHEUS_IMAGE",
    mountPath: "/etc/prometheus/prometheus.yml",
    ports: [PORTS.prometheus],
    ready: { port: PORTS.prometheus, path: "/-/ready" },
    url: { port: PORTS.prometheus, path: "/" },
  },
];

/** The definition of one service. */
export function serviceNamed(name: ServiceName): ServiceDefinition {
  return SERVICES.find((s) => s.name === name)!;
}
