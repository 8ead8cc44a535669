export { realDoctorDeps } from "./real-deps.js";
export { doctorReport, orderChecks, type DoctorReport } from "./report.js";
export { runDoctor } from "./run.js";
export { GROUPS, type Check, type CheckStatus, type DoctorDeps, type GroupId } from "./types.js";
