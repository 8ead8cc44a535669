import { isLoopback, LOCALHOST } from "../config/index.js";
import {
  type DockerClientOptions,
  engineEndpoint,
  publishedPortsHost,
  sshTunnelCommand,
} from "../docker/index.js";
import { SERVICES } from "./services.js";

/** The engine runs on another host, so the stack's published ports live there. */
interface RemoteEngine {
  /** The engine's endpoint, e.g. ssh://me@build-box. */
  endpoint: string;
  /** The host where the ports are published. */
  host: string;
  /**
   * Set when gini.yaml keeps the ports on that host's loopback (the default bind): the ssh command
   * that brings them to this machine's localhost, where gini's URLs then point.
   */
  tunnel?: string;
}

/** Where a command reaches the stack's published ports. */
export interface StackLocation {
  /**
   * The host of every URL the command builds for this machine's user (hostUrl): localhost, or
   * the remote engine's host when gini.yaml's `bind` exposes the ports there.
   */
  publishedHost: string;
  /** Set when the engine runs on another host. */
  remote?: RemoteEngine;
}

/**
 * Settles where this command reaches the stack's ports: on a local engine, localhost; on a remote
 * one, its host when `bind` exposes the ports there, else localhost through an SSH tunnel. Called
 * once per command before any URL is built. An endpoint that does not resolve is left to the
 * command's first engine call, which reports it with its hint.
 */
export function locateStack(options: DockerClientOptions, bind: string): StackLocation {
  let endpoint: string;
  let host: string | undefined;
  try {
    endpoint = engineEndpoint(options);
    host = publishedPortsHost(endpoint);
  } catch {
    return { publishedHost: LOCALHOST };
  }
  if (!host) return { publishedHost: LOCALHOST };
  if (!isLoopback(bind)) return { publishedHost: host, remote: { endpoint, host } };
  const ports = SERVICES.flatMap((s) => s.ports);
  return {
    publishedHost: LOCALHOST,
    remote: { endpoint, host, tunnel: sshTunnelCommand(endpoint, ports) },
  };
}
