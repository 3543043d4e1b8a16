/** Helpers for the commands' tests (not a test file itself). */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { CliIo } from "./io.ts";

/** Runs a command with its output captured instead of written. */
export async function runCaptured(
  command: (args: string[], io: CliIo) => Promise<number>,
  args: string[],
) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await command(args, io);
  return { code, stdout, stderr };
}

/**
 * A temporary folder for a test file's input files: made before its tests, removed after.
 * `path` names a file in it; `file` writes one and gives its path.
 */
export function tempFolder(prefix: string) {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const path = (name: string) => join(dir, name);
  const file = async (name: string, content: string | Uint8Array): Promise<string> => {
    await writeFile(path(name), content);
    return path(name);
  };
  return { path, file };
}
