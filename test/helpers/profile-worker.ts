// A profile import worker in a process of its own, so a test can kill it mid-import (SIGKILL:
// no shutdown code runs). Usage: profile-worker.ts DATABASE_URL
import { loadConfig } from "../../src/config.ts";
import { connect } from "../../src/db/database.ts";
import { profileImportJob } from "../../src/jobs/profile/import.ts";
import { JobQueue } from "../../src/jobs/queue.ts";
import { TEST_JOB_OPTIONS } from "./jobs.ts";

const url = process.argv[2];
if (!url) throw new Error("usage: profile-worker.ts DATABASE_URL");
const { db } = connect(url, 3);
const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: url });
const queue = new JobQueue({ db, config, jobs: [profileImportJob], options: TEST_JOB_OPTIONS });
await queue.start();
process.stdout.write("ready\n");
