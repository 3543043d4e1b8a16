// A job worker in a process of its own, so a test can kill it mid-job (SIGKILL: no shutdown
// code runs) and see another worker finish the job. Usage: job-worker.ts DATABASE_URL
import { loadConfig } from "../../src/config.ts";
import { connect } from "../../src/db/database.ts";
import { selftestJob } from "../../src/jobs/platform/selftest.ts";
import { JobQueue } from "../../src/jobs/queue.ts";
import { TEST_JOB_OPTIONS } from "./jobs.ts";

const url = process.argv[2];
if (!url) throw new Error("usage: job-worker.ts DATABASE_URL");
const { db } = connect(url, 3);
const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: url });
const queue = new JobQueue({ db, config, jobs: [selftestJob], options: TEST_JOB_OPTIONS });
await queue.start();
process.stdout.write("ready\n");
