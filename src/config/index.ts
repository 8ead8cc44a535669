/**
 * The public entry of src/config for the rest of gini (the doctor imports config only from here):
 * the project as gini.yaml defines it, the validation of the config files, and their model.
 */
export { type Project } from "./load.js";
export * from "./model/index.js";
export { type ServiceName } from "./schema.js";
export { validateProject } from "./validate/index.js";
