import { pgSchema } from "drizzle-orm/pg-core";

/**
 * Community-level data: aggregates and work products owned by organisations, no child data.
 * Each context that keeps community-level data declares its tables in its own file
 * (readiness.ts, …) on this one PostgreSQL schema.
 */
export const community = pgSchema("community");
