export * from "./community.ts";
export * from "./platform.ts";
export * from "./support.ts";
