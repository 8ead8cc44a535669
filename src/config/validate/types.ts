import type { Project } from "../load.js";
import type { ConfigDoc } from "./document.js";

/** How bad a finding is: errors fail `gini validate` and stop `gini up`; warnings do not. */
export type Severity = "error" | "warning";

/** One problem in one file, at one place, with what to do about it. */
export interface Finding {
  severity: Severity;
  /** The file, relative to the current folder when inside it, else absolute. */
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  column: number;
  /** Stable id of the rule that found it, e.g. `localhost-bind`. */
  rule: string;
  message: string;
  fix: string;
}

/** What every rule sees: the project and its parsed files (absent when missing or unparseable). */
export interface ValidationContext {
  project: Project;
  collector?: ConfigDoc;
  jaeger?: ConfigDoc;
  prometheus?: ConfigDoc;
  /** gini.yaml, when the project has one. */
  gini?: ConfigDoc;
  /** True when the collector image is not gini's pinned contrib image (env or gini.yaml override). */
  customCollectorImage: boolean;
}

/** A rule: one concept, checked across whichever files it needs. */
export type Rule = (ctx: ValidationContext) => Finding[];
