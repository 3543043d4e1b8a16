-- Row-level security for the records of a case (issue 19). Every table is readable only through
-- live access (support.live_case_ids, migration support_core_custom) to the part of the record
-- it belongs to: wellbeing for the needs compass, plan for measures and SIP, summary for teams,
-- consents for disclosures; a chronology entry needs both the chronology and its own scope.
-- Reports of concern are read by their reporter and the intake unit without any case access,
-- as the duty to report must never be blocked.

-- Whether a person works at the unit receiving reports of concern (a practitioner role there).
CREATE FUNCTION support.is_intake_officer(p_user_id uuid, p_unit_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM platform.role_assignments ra
                  WHERE ra.user_id = p_user_id AND ra.organisation_id = p_unit_id
                    AND ra.role = 'practitioner')
$$;
--> statement-breakpoint
-- A disclosure on the basis of a consent names a consent to share of the same case: the family's
-- export must show the consent it rested on, not one of another child's or one given for a SIP.
CREATE FUNCTION support.disclosure_consent_of_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.consent_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM support.consents k
        WHERE k.id = NEW.consent_id AND k.case_id = NEW.case_id AND k.kind = 'sharing') THEN
    RAISE EXCEPTION 'consent % is not a consent to share of case %', NEW.consent_id, NEW.case_id
      USING ERRCODE = '23514', CONSTRAINT = 'disclosures_consent_of_case';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER disclosures_consent_of_case BEFORE INSERT OR UPDATE ON support.disclosures
  FOR EACH ROW EXECUTE FUNCTION support.disclosure_consent_of_case();
--> statement-breakpoint
CREATE FUNCTION support.sip_consent_of_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.consent_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM support.consents k
        WHERE k.id = NEW.consent_id AND k.case_id = NEW.case_id AND k.kind = 'sip') THEN
    RAISE EXCEPTION 'consent % is not a SIP consent of case %', NEW.consent_id, NEW.case_id
      USING ERRCODE = '23514', CONSTRAINT = 'sips_consent_of_case';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sips_consent_of_case BEFORE INSERT OR UPDATE ON support.sips
  FOR EACH ROW EXECUTE FUNCTION support.sip_consent_of_case();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.is_intake_officer(uuid, uuid),
  support.disclosure_consent_of_case(), support.sip_consent_of_case() FROM PUBLIC;
--> statement-breakpoint
ALTER TABLE support.compass_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.compass_assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.compass_ratings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.compass_ratings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.plan_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.plan_measures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.teams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.team_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.sips ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.sips FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.compass_configs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.compass_configs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.intake_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.intake_units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.concern_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.concern_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.disclosures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.disclosures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.chronology_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.chronology_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.compass_assessments TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.compass_ratings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.plan_measures TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.teams TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.team_members TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.sips TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.compass_configs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.intake_units TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.concern_reports TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.disclosures TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.chronology_entries TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Needs compass: the wellbeing part.
CREATE POLICY assessment_read ON support.compass_assessments FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'wellbeing')));
--> statement-breakpoint
CREATE POLICY assessment_create ON support.compass_assessments FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'wellbeing'))
              AND assessed_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY rating_read ON support.compass_ratings FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'wellbeing')));
--> statement-breakpoint
CREATE POLICY rating_create ON support.compass_ratings FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'wellbeing')));
--> statement-breakpoint
-- Plan measures and SIP: the plan part.
CREATE POLICY measure_read ON support.plan_measures FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')));
--> statement-breakpoint
CREATE POLICY measure_create ON support.plan_measures FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan'))
              AND created_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY measure_update ON support.plan_measures FOR UPDATE
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')))
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')));
--> statement-breakpoint
CREATE POLICY sip_read ON support.sips FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')));
--> statement-breakpoint
CREATE POLICY sip_create ON support.sips FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan'))
              AND created_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY sip_update ON support.sips FOR UPDATE
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')))
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')));
--> statement-breakpoint
-- Teams: seen with the summary; formed by someone on the case (which role may is the app's rule).
CREATE POLICY team_read ON support.teams FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'summary')));
--> statement-breakpoint
CREATE POLICY team_create ON support.teams FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id()))
              AND formed_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY team_member_read ON support.team_members FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'summary')));
--> statement-breakpoint
CREATE POLICY team_member_create ON support.team_members FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id()))
              AND added_by = support.actor_id());
--> statement-breakpoint
-- A municipality's compass and intake unit hold no personal data: any signed-in actor may read
-- them; who may set them is the application's rule (support.configure).
CREATE POLICY compass_config_read ON support.compass_configs FOR SELECT
  USING (support.actor_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY compass_config_create ON support.compass_configs FOR INSERT
  WITH CHECK (updated_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY compass_config_update ON support.compass_configs FOR UPDATE
  USING (support.actor_id() IS NOT NULL) WITH CHECK (updated_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY intake_unit_read ON support.intake_units FOR SELECT
  USING (support.actor_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY intake_unit_create ON support.intake_units FOR INSERT
  WITH CHECK (updated_by = support.actor_id());
--> statement-breakpoint
CREATE POLICY intake_unit_update ON support.intake_units FOR UPDATE
  USING (support.actor_id() IS NOT NULL) WITH CHECK (updated_by = support.actor_id());
--> statement-breakpoint
-- Reports of concern: filed by anyone as themselves; read by the reporter, the intake unit and
-- those holding the case's concern_reports part; receipt and feedback by the intake unit only.
CREATE POLICY concern_read ON support.concern_reports FOR SELECT
  USING (reporter_id = support.actor_id()
         OR support.is_intake_officer(support.actor_id(), intake_unit_id)
         OR filed_in_case_id IN (SELECT support.live_case_ids(support.actor_id(), 'concern_reports')));
--> statement-breakpoint
CREATE POLICY concern_create ON support.concern_reports FOR INSERT
  WITH CHECK (reporter_id = support.actor_id() AND status = 'sent');
--> statement-breakpoint
CREATE POLICY concern_update ON support.concern_reports FOR UPDATE
  USING (support.is_intake_officer(support.actor_id(), intake_unit_id))
  WITH CHECK (support.is_intake_officer(support.actor_id(), intake_unit_id));
--> statement-breakpoint
-- Disclosures: listed with the consents part; recorded by anyone on the case as themselves
-- (without RETURNING, as one without the consents part cannot read the row back).
CREATE POLICY disclosure_read ON support.disclosures FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'consents')));
--> statement-breakpoint
CREATE POLICY disclosure_create ON support.disclosures FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id()))
              AND disclosed_by = support.actor_id());
--> statement-breakpoint
-- Chronology: the chronology part and the entry's own part. Staff write only into a part they
-- hold; the records' own events are written by the command of the record on the case.
CREATE POLICY chronology_read ON support.chronology_entries FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'chronology'))
         AND case_id IN (SELECT support.live_case_ids(support.actor_id(), scope)));
--> statement-breakpoint
CREATE POLICY chronology_create ON support.chronology_entries FOR INSERT
  WITH CHECK (recorded_by = support.actor_id()
              AND case_id IN (SELECT support.live_case_ids(support.actor_id()))
              AND (kind <> 'manual'
                   OR case_id IN (SELECT support.live_case_ids(support.actor_id(), scope))));
