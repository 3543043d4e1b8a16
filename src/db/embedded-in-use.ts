/**
 * The embedded database belongs to another living Paraply process. Its own module, so that the
 * CLI can recognise it without loading the embedded server's package (which hooks process exit).
 */
export class EmbeddedInUseError extends Error {
  constructor(
    readonly ownerPid: number,
    dataDir: string,
  ) {
    super(
      `The embedded database in ${dataDir} belongs to a running Paraply process (pid ${ownerPid}). Stop that process first, or use another PARAPLY_DATA_DIR.`,
    );
  }
}
