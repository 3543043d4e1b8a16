export * from "./platform.ts";
export * from "./support.ts";
export * from "./community.ts";
