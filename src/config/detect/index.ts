/** `gini init`'s look at a project: the apps it finds and how gini.yaml lists them. */
export { detectApps } from "./detect-apps.js";
export type { DetectedApp } from "./detected-app.js";
export { giniYamlText, guessesOf } from "./render-apps.js";
