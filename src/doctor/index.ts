export { realDoctorDeps } from "./real-deps.js";
export { type DoctorReport, doctorReport, orderChecks } from "./report.js";
export { runDoctor } from "./run.js";
export { type Check, type CheckStatus, type DoctorDeps, type GroupId, GROUPS } from "./types.js";
