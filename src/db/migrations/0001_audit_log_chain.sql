-- The audit log is append-only in the database itself and every row is chained to the one
-- before it by SHA-256, so that a changed or removed row is found by `paraply audit verify`.
CREATE FUNCTION platform.audit_row_hash(r platform.audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    r.seq::text,
    to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(r.actor_id::text, ''),
    r.actor_label,
    r.action,
    r.outcome,
    coalesce(r.subject_type, ''),
    coalesce(r.subject_id, ''),
    coalesce(r.organisation_id::text, ''),
    r.personal_data::text,
    coalesce(r.reason, ''),
    coalesce(r.ip, ''),
    coalesce(r.user_agent, ''),
    coalesce(r.request_id, ''),
    r.details::text,
    r.prev_hash
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION platform.audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_row record;
BEGIN
  -- Serialise writers until commit so that seq follows commit order and has no gaps.
  PERFORM pg_advisory_xact_lock(hashtext('platform.audit_log'));
  SELECT seq, hash INTO last_row FROM platform.audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_row.seq, 0) + 1;
  NEW.prev_hash := coalesce(last_row.hash, '');
  NEW.hash := platform.audit_row_hash(NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON platform.audit_log
  FOR EACH ROW EXECUTE FUNCTION platform.audit_log_chain();
--> statement-breakpoint
CREATE FUNCTION platform.audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform.audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON platform.audit_log
  FOR EACH ROW EXECUTE FUNCTION platform.audit_log_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON platform.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_log_reject_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON platform.audit_log FROM PUBLIC;
