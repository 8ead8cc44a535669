/**
 * The public entry of src/config for the rest of gini (the doctor imports config only from here):
 * the project as gini.yaml defines it, the validation of the config files, and their model.
 */
export { appFolder } from "./app-folder.js";
export { appContainerName } from "./app-names.js";
export { type ConfigFacts, readConfigFacts } from "./config-facts.js";
export { guessesOf } from "./detect/index.js";
export { displayPath } from "./display-path.js";
export {
  ensureGiniDir,
  giniDir,
  linkRefused,
  NO_FOLLOW,
  openNoFollow,
  PRIVATE_FILE,
  writePrivateJson,
} from "./gini-dir.js";
export { initProject } from "./init.js";
export { loadProject, loadProjectOrDefaults, type Project, type ProjectOptions } from "./load.js";
export * from "./model/index.js";
export { type AppConfig, type OtlpTransport, type ServiceName, type SloConfig } from "./schema.js";
export { startOrder } from "./start-order.js";
export {
  assertValid,
  type Finding,
  formatFinding,
  jsonReport,
  summarize,
  validateOptions,
  validateProject,
} from "./validate/index.js";
export { watchPaths } from "./watch-paths.js";
