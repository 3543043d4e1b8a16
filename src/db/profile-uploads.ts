import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "./database.ts";
import { profileUploadChunks } from "./schema/profile.ts";

/** Large enough that a 2 GB file is a few hundred rows, small enough to hold one in memory. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 ** 2;

/**
 * Passes the bytes through unchanged while storing them, in chunks of UPLOAD_CHUNK_BYTES, as the
 * import's upload chunks. Holds at most one chunk; the stream waits while a chunk is written.
 */
export function storeUploadChunks(db: Db, importId: string): Transform {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await db.insert(profileUploadChunks).values({ importId, seq: seq++, bytes });
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < UPLOAD_CHUNK_BYTES) return done(null, chunk);
      flush().then(
        () => done(null, chunk),
        (error: Error) => done(error),
      );
    },
    flush(done) {
      flush().then(
        () => done(),
        (error: Error) => done(error),
      );
    },
  });
}

/** The stored upload as a byte stream, read one chunk (one query) at a time. */
export function readUploadChunks(db: Db, importId: string): Readable {
  let next = -1;
  return Readable.from(
    (async function* () {
      for (;;) {
        const [chunk] = await db
          .select({ seq: profileUploadChunks.seq, bytes: profileUploadChunks.bytes })
          .from(profileUploadChunks)
          .where(and(eq(profileUploadChunks.importId, importId), gt(profileUploadChunks.seq, next)))
          .orderBy(asc(profileUploadChunks.seq))
          .limit(1);
        if (!chunk) return;
        next = chunk.seq;
        yield chunk.bytes;
      }
    })(),
    { objectMode: false },
  );
}

/** The stored upload's size in bytes; 0 when there is none (deleted as abandoned). */
export async function uploadSize(db: Db, importId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string | null>`sum(octet_length(${profileUploadChunks.bytes}))` })
    .from(profileUploadChunks)
    .where(eq(profileUploadChunks.importId, importId));
  return Number(row?.bytes ?? 0);
}

/**
 * Copies the stored upload to a temporary file on this instance for the readers that need a
 * file (an .xlsx is a zip, sav-reader opens a path), runs `use` on it and removes the file.
 */
export async function withUploadFile<T>(
  db: Db,
  importId: string,
  extension: string,
  use: (filePath: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "paraply-upload-"));
  try {
    const filePath = path.join(dir, `upload.${extension}`);
    await pipeline(readUploadChunks(db, importId), createWriteStream(filePath, { mode: 0o600 }));
    return await use(filePath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function deleteUpload(db: Db, importId: string): Promise<void> {
  await db.delete(profileUploadChunks).where(eq(profileUploadChunks.importId, importId));
}
