#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx so that server, web and CLI share one code path
// without a separate server build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
