export * from "./community.ts";
export * from "./platform.ts";
export * from "./readiness.ts";
export * from "./support.ts";
