/** The public entry of src/demo for the CLI: `gini traffic`'s load generator (the demo apps are scripts). */
export { driveTraffic, type TrafficCounts } from "./traffic.js";
