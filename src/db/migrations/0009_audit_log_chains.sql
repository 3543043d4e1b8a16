-- One chain serialised every audited transaction from its audit row to its commit (the commit's
-- WAL flush included). Rows now go into one of 32 chains, each chained by SHA-256 on its own and
-- guarded by its own advisory lock, so up to 32 transactions append and commit at once.
-- Existing rows stay as they are as chain 0 (their hashes are unchanged and still verify);
-- `seq` stays the global order (new rows take their id) and has gaps where inserts rolled back.
ALTER TABLE platform.audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE platform.audit_log ADD COLUMN chain_seq bigint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE platform.audit_log DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
UPDATE platform.audit_log SET chain_seq = seq;
--> statement-breakpoint
ALTER TABLE platform.audit_log ENABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_log_chain_seq_key ON platform.audit_log (chain, chain_seq);
--> statement-breakpoint
-- Rows of chain 0 hash exactly as before; in the other chains the chain, the place in it and the
-- global seq are all hashed, so moving a row to another chain or place breaks its hash.
CREATE OR REPLACE FUNCTION platform.audit_row_hash(r platform.audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    CASE WHEN r.chain = 0 THEN r.seq::text ELSE concat(r.chain, '/', r.chain_seq, '/', r.seq) END,
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
-- SECURITY DEFINER with a fixed search_path: the app's runtime role may only INSERT and SELECT
-- on the log, and must not be able to steer the trigger through objects of its own.
CREATE OR REPLACE FUNCTION platform.audit_log_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, platform AS $$
DECLARE
  chains CONSTANT integer := 32;
  -- hashtext('platform.audit_log.chain'): the advisory lock space of the chains.
  lock_space CONSTANT integer := -273154647;
  held text := current_setting('paraply.audit_chain', true);
  picked integer;
  last_row record;
BEGIN
  IF held ~ '^[0-9]{1,2}$' AND held::integer BETWEEN 1 AND chains THEN
    -- A later row of the same transaction stays in its chain: a transaction never holds two
    -- chain locks, so two transactions never wait on each other's chains. The setting only
    -- names which lock to take; taking it is what guards the chain, whoever set it.
    picked := held::integer;
    PERFORM pg_advisory_xact_lock(lock_space, picked);
  ELSE
    -- Start at a chain of this connection's own, so that an unloaded connection keeps to one
    -- chain, and take the first free one.
    FOR i IN 0 .. chains - 1 LOOP
      picked := 1 + (pg_backend_pid() + i) % chains;
      EXIT WHEN pg_try_advisory_xact_lock(lock_space, picked);
      picked := NULL;
    END LOOP;
    IF picked IS NULL THEN
      picked := 1 + pg_backend_pid() % chains;
      PERFORM pg_advisory_xact_lock(lock_space, picked);
    END IF;
    PERFORM set_config('paraply.audit_chain', picked::text, true);
  END IF;
  SELECT chain_seq, hash INTO last_row FROM platform.audit_log
   WHERE chain = picked ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain := picked;
  NEW.chain_seq := coalesce(last_row.chain_seq, 0) + 1;
  -- Ids are above every seq chain 0 gave out (each of its rows took an id), so seq stays unique.
  NEW.seq := NEW.id;
  NEW.prev_hash := coalesce(last_row.hash, '');
  NEW.hash := platform.audit_row_hash(NEW);
  RETURN NEW;
END
$$;
