import type { ServiceName } from "../config/index.js";
import { hostUrl, NETWORK, PORTS, probeUrl } from "../config/index.js";
import { DEFAULT_IMAGES } from "./images.js";

/**
 * The network and the named ports of the stack, as the config model defines them (the rules check
 * the config files against the same numbers), and the host URL of a published port; the stack,
 * the doctor and the CLI read them here.
 */
export { hostUrl, NETWORK, PORTS, probeUrl };

/**
 * Seconds a container gets to exit on SIGTERM before it is killed: enough for the collector to
 * export what it holds, and for an image app to flush its last spans.
 */
export const STOP_TIMEOUT_SECONDS = 2;

/**
 * What a service may use where gini exports the stack to run elsewhere (`gini export`): a cluster
 * shares its machines, so every service is bounded. `gini up`'s own containers stay unbounded on a
 * developer's machine. Memory is in MiB, CPU in cores.
 */
interface ServiceResources {
  limit: { cpus: number; memoryMiB: number };
  request: { cpus: number; memoryMiB: number };
}

/**
 * How the engine restarts a service, in `gini up`'s containers and in exports: after a crash, not
 * after a clean stop (the Compose and Swarm spelling; Kubernetes restarts a Deployment's pods
 * always).
 */
export const RESTART_POLICY = "on-failure";

/**
 * How often `gini up`'s engine restarts a crashed service before leaving it exited: a crash loop
 * (a bad config) stops within seconds, and `gini status` shows the count and the last lines.
 */
export const RESTART_MAX_RETRIES = 5;

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
  /**
   * Ports other services reach on the network that gini does not publish. Docker reaches any port
   * of a container; a Kubernetes Service forwards only the ports it lists.
   */
  networkPorts: number[];
  /** Bounds for exported deployments. */
  resources: ServiceResources;
  /** The non-root user ID the image runs as (its Dockerfile's USER), for a pinned security context. */
  user: number;
  /** Folders the process writes to; with them writable the root filesystem can be read-only. */
  writablePaths: string[];
  /**
   * How `down` ends it. "flush": SIGTERM and STOP_TIMEOUT_SECONDS to export what it holds, after
   * the apps that send to it are gone; "kill": at once, as its data goes with its container.
   */
  stop: "flush" | "kill";
  /** Who pushes data to it ("apps": the project's apps): `down` removes it after them. */
  receivesFrom?: "apps" | ServiceName;
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
    networkPorts: [],
    // Above config-spm.yaml's memory_limiter (limit_mib 512, spike 128), which must act first.
    resources: { limit: { cpus: 1, memoryMiB: 768 }, request: { cpus: 0.25, memoryMiB: 256 } },
    user: 10001,
    writablePaths: [],
    // Its batches and queue hold spans bound for Jaeger.
    stop: "flush",
    receivesFrom: "apps",
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
    // The collector exports traces to jaeger:4317 (JAEGER_OTLP_ADDRESS).
    networkPorts: [PORTS.otlpGrpc],
    // Traces live in memory (config-jaeger.yaml keeps up to 100,000).
    resources: { limit: { cpus: 1, memoryMiB: 1024 }, request: { cpus: 0.25, memoryMiB: 256 } },
    user: 10001,
    writablePaths: [],
    // Traces are in its memory: nothing outlives the container.
    stop: "kill",
    receivesFrom: "otel-collector",
  },
  {
    name: "prometheus",
    defaultImage: DEFAULT_IMAGES.prometheus,
    imageEnv: "GINI_PROMETHEUS_IMAGE",
    mountPath: "/etc/prometheus/prometheus.yml",
    // The image's own arguments, then what makes the first RED point follow a request within
    // seconds: start timestamps (the collector sends them over protobuf) give rate() a value
    // from a series' first scrape, and scraping starts 1 s after /-/ready instead of 5 s.
    command: [
      "--config.file=/etc/prometheus/prometheus.yml",
      "--storage.tsdb.path=/prometheus",
      "--enable-feature=created-timestamp-zero-ingestion",
      "--scrape.discovery-reload-interval=1s",
    ],
    ports: [PORTS.prometheus],
    ready: { port: PORTS.prometheus, path: "/-/ready" },
    url: { port: PORTS.prometheus, path: "/" },
    networkPorts: [],
    resources: { limit: { cpus: 1, memoryMiB: 1024 }, request: { cpus: 0.25, memoryMiB: 256 } },
    // `nobody`, the user of prom/prometheus; its TSDB goes to /prometheus (the image's CMD).
    user: 65534,
    writablePaths: ["/prometheus"],
    // Its TSDB is in an anonymous volume that `down` removes with it.
    stop: "kill",
  },
];

/** The definition of one service. */
export function serviceNamed(name: ServiceName): ServiceDefinition {
  return SERVICES.find((s) => s.name === name)!;
}
