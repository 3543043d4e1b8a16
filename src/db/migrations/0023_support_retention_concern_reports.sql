-- Retention (gallring) of reports of concern: they are social services' records, thinned under
-- their own law rather than with the coordination case they may be filed in. The last entry is
-- the latest of sending, receipt and feedback (the feedback deadline is no entry). The
-- personal number is returned as stored so the rule that reads a birth date from it stays in
-- one place, the application's.
CREATE FUNCTION support.concern_reports_before(p_before timestamptz, p_municipality_ids uuid[])
RETURNS TABLE (
  report_id uuid,
  municipality_id uuid,
  last_entry_at timestamptz,
  child_personal_number text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT r.id, r.municipality_id, greatest(r.sent_at, r.received_at, r.feedback_at),
         r.child_personal_number
    FROM support.concern_reports r
   WHERE greatest(r.sent_at, r.received_at, r.feedback_at) < p_before
     AND (p_municipality_ids IS NULL OR r.municipality_id = ANY (p_municipality_ids))
   ORDER BY 3
   LIMIT 10000
$$;
--> statement-breakpoint
-- Thins one report of concern. No table references a report, so the report is all there is;
-- returns the rows deleted, nothing for an unknown report.
CREATE FUNCTION support.thin_concern_report(p_id uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM support.concern_reports WHERE id = p_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.concern_reports_before(timestamptz, uuid[]),
  support.thin_concern_report(uuid) FROM PUBLIC;
