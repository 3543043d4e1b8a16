export * from "./community.ts";
export * from "./jobs.ts";
export * from "./platform.ts";
export * from "./readiness.ts";
export * from "./support.ts";
export * from "./support-records.ts";
