/**
 * The public entry of src/stack: the stack's lifecycle (up, down, status, logs), its services
 * table (every port, URL, image and the network derive from it), and the container machinery that
 * container apps reuse (pull, spec hash, plan/apply, readiness). Other folders import only this.
 */
export { imageFor, withSpecHash } from "./container-spec.js";
export { down } from "./down.js";
export {
  isOwn,
  LABEL_PROJECT,
  LABEL_SERVICE,
  otherFolder,
  projectLabels,
  projectSelector,
} from "./labels.js";
export { logNames, logs } from "./logs.js";
export { applyStep, planStep } from "./plan.js";
export { otherFolderError } from "./preflight.js";
export { ensureImages, type PullEvent, type PullPolicy } from "./pull.js";
export {
  awaitReady,
  containerGone,
  lastLines,
  type ReadinessOptions,
  type ReadyTarget,
  readyUrl,
} from "./readiness.js";
export { locateStack, type StackLocation } from "./remote-engine.js";
export { realRuntime } from "./runtime.js";
export {
  hostUrl,
  NETWORK,
  PORTS,
  probeUrl,
  RESTART_POLICY,
  type ServiceDefinition,
  serviceNamed,
  SERVICES,
  STOP_TIMEOUT_SECONDS,
} from "./services.js";
export { type ServiceStatus, status } from "./status.js";
export { phaseTimer, up, type UpEvent } from "./up.js";
