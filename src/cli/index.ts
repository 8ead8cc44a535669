/** The public entry of src/cli, for the entry point (src/main.ts): the program and how errors print. */
export { globalOptions } from "./global-options.js";
export { printError } from "./output.js";
export { buildProgram } from "./program.js";
