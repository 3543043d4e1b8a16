-- The home page lists the interviews a person holds (readiness home rows): without an index every
-- interview was read to find them, 2.7–3.9 ms of a home page's 5–7 ms in PostgreSQL (bench/api data).
CREATE INDEX "readiness_interviews_interviewer_idx" ON "community"."readiness_interviews" USING btree ("interviewer_id");
