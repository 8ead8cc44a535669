import type { DockerClient } from "./client.js";
import type {
  ContainerDetails,
  ContainerInfo,
  ContainerSpec,
  NetworkInfo,
  RemoveOptions,
} from "./types.js";

/**
 * An in-memory engine for unit tests: records calls, keeps containers and networks in maps.
 * Like the real engine, it lets several networks share a name, and refuses a name that is
 * ambiguous where an ID is safe.
 */
export class FakeDocker implements DockerClient {
  containers = new Map<string, ContainerInfo & { spec: ContainerSpec }>();
  /** By network ID. */
  networks = new Map<string, NetworkInfo>();
  images = new Map<string, string>();
  calls: string[] = [];
  logLines: string[] = [];
  /** What `inspectContainer` adds, per container name (restarts, OOM kills, env, ...). */
  details = new Map<string, Partial<ContainerDetails>>();
  /** Set to make `startContainer` leave the container exited, as a crashing service does. */
  crashOnStart = new Set<string>();
  private next = 1;

  async ping() {}
  async version() {
    return "28.0.0-fake";
  }
  /** Answers like a local Docker Engine; fails as `ping` does, so tests override `ping` alone. */
  async engine() {
    await this.ping();
    return {
      name: "Docker Engine",
      version: await this.version(),
      endpoint: "unix:///var/run/docker.sock",
      source: "default socket",
    };
  }
  async imageId(ref: string) {
    return this.images.get(ref);
  }
  async pullImage(ref: string) {
    this.calls.push(`pull ${ref}`);
    this.images.set(ref, `sha256:${ref}`);
  }
  async listNetworks(labels: Record<string, string>) {
    return [...this.networks.values()].filter((n) => matches(n.labels, labels));
  }
  async inspectNetwork(name: string) {
    return (await this.networksNamed(name))[0];
  }
  async networksNamed(name: string) {
    return [...this.networks.values()].filter((n) => n.name === name);
  }
  async createNetwork(name: string, labels: Record<string, string>) {
    this.calls.push(`network ${name}`);
    const id = `n${this.next++}`;
    this.networks.set(id, { id, name, labels });
  }
  /** The network of that name, for tests. */
  network(name: string): NetworkInfo | undefined {
    return [...this.networks.values()].find((n) => n.name === name);
  }
  async removeNetwork(idOrName: string) {
    const named = [...this.networks.values()].filter((n) => n.name === idOrName);
    if (named.length > 1) {
      throw new Error(`network ${idOrName} is ambiguous (${named.length} matches found on name)`);
    }
    const id = this.networks.has(idOrName) ? idOrName : named[0]?.id;
    if (id) {
      this.calls.push(`remove network ${id}`);
      this.networks.delete(id);
    }
  }
  async listContainers(labels: Record<string, string>) {
    return [...this.containers.values()].filter((c) => matches(c.labels, labels));
  }
  async findContainer(name: string) {
    return [...this.containers.values()].find((c) => c.name === name);
  }
  async inspectContainer(idOrName: string): Promise<ContainerDetails | undefined> {
    const c = [...this.containers.values()].find((x) => x.id === idOrName || x.name === idOrName);
    if (!c) return undefined;
    return {
      id: c.id,
      name: c.name,
      state: c.state,
      restartCount: 0,
      oomKilled: false,
      exitCode: 0,
      error: "",
      startedAt: "",
      finishedAt: "",
      env: { ...c.spec.env },
      networks: c.networks.map((name) => ({
        name,
        aliases: name === c.spec.network ? c.spec.aliases : [],
      })),
      ports: c.ports,
      ...this.details.get(c.name),
    };
  }
  async createContainer(spec: ContainerSpec) {
    const id = `c${this.next++}`;
    this.calls.push(`create ${spec.name}`);
    this.containers.set(id, {
      id,
      name: spec.name,
      image: spec.image,
      imageId: this.images.get(spec.image) ?? "",
      state: "created",
      labels: spec.labels,
      ports: [],
      networks: [spec.network],
      networkIds: [this.network(spec.network)?.id ?? ""],
      spec,
    });
    return id;
  }
  async startContainer(id: string) {
    const c = this.containers.get(id)!;
    this.calls.push(`start ${c.name}`);
    c.state = this.crashOnStart.has(c.name) ? "exited" : "running";
    c.ports = c.state === "running" ? c.spec.ports : [];
  }
  /** Each removal's grace period in seconds, by container name, in the order they came. */
  graces: [string, number][] = [];
  async removeContainer(id: string, timeout: number, options: RemoveOptions = {}) {
    const volumes = options.volumes ? " and its volumes" : "";
    const name = this.containers.get(id)?.name;
    this.calls.push(`remove ${name}${volumes}`);
    if (name) this.graces.push([name, timeout]);
    options.onExit?.();
    this.containers.delete(id);
  }
  async logs(
    _id: string,
    _options: unknown,
    onLine: (l: { stream: "stdout"; text: string }) => void,
  ) {
    for (const text of this.logLines) onLine({ stream: "stdout", text });
  }
}

function matches(have: Record<string, string>, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => have[k] === v);
}
