-- The list of assessments shows each one's interview count and consensus-based score. Computing
-- them per request read every interview, score and consensus row of every listed assessment
-- (a system administrator's list of 2,000 assessments took tens of seconds). The assessment row
-- now carries its consensus sheets, one entry per interview in number order, kept current by
-- statement-level triggers on the tables they come from, so the list reads one table.
ALTER TABLE "community"."readiness_assessments"
  ADD COLUMN "consensus_sheets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE FUNCTION community.readiness_refresh_sheets(targets uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE community.readiness_assessments a SET consensus_sheets = coalesce((
    SELECT jsonb_agg(jsonb_build_object('interviewId', i.id, 'scores', coalesce((
      SELECT jsonb_object_agg(c.dimension, c.score)
      FROM community.readiness_consensus c WHERE c.interview_id = i.id), '{}'::jsonb))
      ORDER BY i.number)
    FROM community.readiness_interviews i WHERE i.assessment_id = a.id), '[]'::jsonb)
  WHERE a.id = ANY(targets)
$$;
--> statement-breakpoint
CREATE FUNCTION community.readiness_interviews_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM community.readiness_refresh_sheets(ARRAY(SELECT DISTINCT assessment_id FROM changed));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION community.readiness_consensus_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- After an interview is deleted its consensus rows go by cascade; its own trigger refreshes.
  PERFORM community.readiness_refresh_sheets(ARRAY(
    SELECT DISTINCT i.assessment_id FROM changed c
    JOIN community.readiness_interviews i ON i.id = c.interview_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- PostgreSQL allows a transition table only on a single-event trigger: one trigger per event.
CREATE TRIGGER readiness_interviews_inserted AFTER INSERT ON community.readiness_interviews
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION community.readiness_interviews_changed();--> statement-breakpoint
CREATE TRIGGER readiness_interviews_deleted AFTER DELETE ON community.readiness_interviews
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION community.readiness_interviews_changed();--> statement-breakpoint
CREATE TRIGGER readiness_consensus_inserted AFTER INSERT ON community.readiness_consensus
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION community.readiness_consensus_changed();--> statement-breakpoint
CREATE TRIGGER readiness_consensus_updated AFTER UPDATE ON community.readiness_consensus
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION community.readiness_consensus_changed();--> statement-breakpoint
CREATE TRIGGER readiness_consensus_deleted AFTER DELETE ON community.readiness_consensus
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION community.readiness_consensus_changed();--> statement-breakpoint
-- Readability of an assessment includes a place on its team: found by person, not only by assessment.
CREATE INDEX "readiness_team_user_idx" ON "community"."readiness_team" USING btree ("user_id");--> statement-breakpoint
-- The list is paged newest period first (the index is read backwards).
CREATE INDEX "readiness_assessments_period_idx" ON "community"."readiness_assessments" USING btree ("period_start","created_at","id");--> statement-breakpoint
SELECT community.readiness_refresh_sheets(ARRAY(SELECT id FROM community.readiness_assessments));
