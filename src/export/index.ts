/**
 * The public entry of src/export: `gini export compose` and `gini export kubernetes`. Both run
 * `gini validate`'s rules first and refuse on an error, then write the stack as the services table
 * and the project define it, for a Swarm, `docker compose` or a Kubernetes cluster.
 */
import { dirname, resolve } from "node:path";

import type { Finding, Project } from "../config/index.js";
import { composeDocument } from "./compose.js";
import { kubernetesManifests, kustomization, OTEL_ENV_CONFIG_MAP } from "./kubernetes.js";
import { readStack, type StackModel } from "./stack-model.js";
import { toYaml, writeOwnedFile, writeOwnedFolder, WRITTEN_BY } from "./write-output.js";

/** What an export did, for the CLI to print. */
export interface ExportResult {
  /** The document itself when it went to no file (compose without -o). */
  text?: string;
  /** Absolute paths of the files written. */
  written: string[];
  /** `gini validate`'s warnings: they do not stop an export. */
  warnings: Finding[];
  /** What the user should know about what the export leaves out or changes. */
  notes: string[];
}

/** How each file of a Kubernetes export begins. */
const KUBERNETES_MARK = `${WRITTEN_BY} kubernetes`;

function hostAppsNote(model: StackModel): string[] {
  const names = model.hostApps;
  return names.length
    ? [
        `apps with a host command are not exported (${names.join(", ")}): they run where you run them`,
      ]
    : [];
}

/**
 * `gini export compose`: one Compose file, written to `output` or returned as text. Its configs
 * point at the project's files relative to the folder the file goes to (the current folder for
 * standard output).
 */
export async function exportCompose(project: Project, output?: string): Promise<ExportResult> {
  const model = await readStack(project);
  const path = output === undefined ? undefined : resolve(output);
  const document = composeDocument(model, path ? dirname(path) : process.cwd());
  const text = toYaml(
    [document],
    [
      `${WRITTEN_BY.slice(2)} compose for project ${model.project.name}. Run it with`,
      "  docker stack deploy -c FILE NAME   (a Swarm), or",
      "  docker compose -f FILE up          (one engine).",
      "The configs are the project's files, found from this file's folder.",
    ],
  );
  if (path) await writeOwnedFile(path, text);
  const notes = hostAppsNote(model);
  if (model.project.bind === "127.0.0.1") {
    notes.push(
      "the published ports listen on every interface of the machine that runs each service, not on gini.yaml's bind 127.0.0.1: Swarm cannot bind a port to an address",
    );
  }
  return {
    ...(path ? {} : { text }),
    written: path ? [path] : [],
    warnings: model.warnings,
    notes,
  };
}

/** `gini export kubernetes`: the manifests and their kustomization.yaml, into `dir`. */
export async function exportKubernetes(
  project: Project,
  dir: string,
  namespace?: string,
): Promise<ExportResult> {
  const model = await readStack(project);
  const files = kubernetesManifests(model, namespace);
  const header = (name: string) => [
    `${KUBERNETES_MARK.slice(2)} for project ${model.project.name}: ${name}.`,
    "Apply the folder with `kubectl apply -k DIR`.",
  ];
  const texts = new Map<string, string>();
  for (const f of files) texts.set(f.name, toYaml(f.objects, header(f.name)));
  texts.set(
    "kustomization.yaml",
    toYaml([kustomization(files, namespace)], header("kustomization.yaml")),
  );
  const folder = resolve(dir);
  await writeOwnedFolder(folder, texts, KUBERNETES_MARK);
  const notes = [
    ...hostAppsNote(model),
    ...(model.apps.length
      ? [
          `container apps are not exported (${model.apps.map((a) => a.name).join(", ")}): give your workloads \`envFrom: [{configMapRef: {name: ${OTEL_ENV_CONFIG_MAP}}}]\``,
        ]
      : []),
  ];
  return {
    written: [...texts.keys()].map((name) => resolve(folder, name)),
    warnings: model.warnings,
    notes,
  };
}
