export * from "./platform.ts";
export * from "./support.ts";
