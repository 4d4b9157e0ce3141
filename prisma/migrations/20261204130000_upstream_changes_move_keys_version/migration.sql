-- A change sent to sendSMS whose outcome is being checked (UpstreamChange) is shown on the keys list. Opening,
-- claiming or settling one moves the account's keys version like a change to its keys does, so the list keeps its
-- pages (lib/keys/list-cache.ts) with the open changes in them instead of asking for them on every request.
-- Deferred to the end of the writing transaction, like the keys' own triggers (see account_keys_version).
CREATE FUNCTION "account_upstream_changes_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_account_id TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN changed_account_id := OLD."accountId"; ELSE changed_account_id := NEW."accountId"; END IF;
    UPDATE "Account" SET "keysVersion" = "keysVersion" + 1 WHERE "id" = changed_account_id;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "UpstreamChange_account_keys_changed"
    AFTER INSERT OR UPDATE OR DELETE ON "UpstreamChange"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "account_upstream_changes_changed"();
