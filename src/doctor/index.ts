export { realDoctorDeps } from "./real-deps.js";
export { type DoctorReport } from "./report.js";
export { runDoctor } from "./run.js";
export { type Check, GROUPS } from "./types.js";
