-- Every instance caches sessions and access scopes for a few seconds. A change to what decides
-- access is announced on commit so that every instance drops what it cached for that person
-- ('*' for changes that can affect anyone).
CREATE FUNCTION platform.notify_auth_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text;
BEGIN
  IF TG_TABLE_NAME IN ('settings', 'organisations') THEN
    target := '*';
  ELSIF TG_TABLE_NAME = 'users' THEN
    target := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END::text;
  ELSE
    target := CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END::text;
  END IF;
  PERFORM pg_notify('paraply_auth', target);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify AFTER UPDATE OR DELETE ON platform.sessions
  FOR EACH ROW EXECUTE FUNCTION platform.notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON platform.users
  FOR EACH ROW EXECUTE FUNCTION platform.notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER role_assignments_notify AFTER INSERT OR UPDATE OR DELETE ON platform.role_assignments
  FOR EACH ROW EXECUTE FUNCTION platform.notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER organisations_notify AFTER INSERT OR UPDATE OR DELETE ON platform.organisations
  FOR EACH STATEMENT EXECUTE FUNCTION platform.notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER settings_notify AFTER INSERT OR UPDATE OR DELETE ON platform.settings
  FOR EACH STATEMENT EXECUTE FUNCTION platform.notify_auth_change();
