-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "keysVersion" BIGINT NOT NULL DEFAULT 0;

-- Account."keysVersion" moves whenever a row of the account's keys (ApiKey) or of their Locked On IP lists (KeyIp)
-- is added, changed or removed, whoever writes it: the keys list caches pages under it (lib/keys/list-cache.ts), so a
-- change made by any process, or by hand, is seen on the next request. Prisma cannot say this in schema.prisma.
--
-- The triggers are deferred to the end of the writing transaction, so the account row is locked only for the
-- instant before commit: two transactions changing keys of one account never wait on each other mid-way (which,
-- with the account row locked at the first statement, could deadlock two refreshes of the same key).
CREATE FUNCTION "account_keys_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_key_id TEXT;
    changed_account_id TEXT;
BEGIN
    IF TG_TABLE_NAME = 'ApiKey' THEN
        IF TG_OP = 'DELETE' THEN changed_account_id := OLD."accountId"; ELSE changed_account_id := NEW."accountId"; END IF;
    ELSE
        IF TG_OP = 'DELETE' THEN changed_key_id := OLD."keyId"; ELSE changed_key_id := NEW."keyId"; END IF;
        SELECT k."accountId" INTO changed_account_id FROM "ApiKey" k WHERE k."id" = changed_key_id;
    END IF;
    UPDATE "Account" SET "keysVersion" = "keysVersion" + 1 WHERE "id" = changed_account_id;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "ApiKey_account_keys_changed"
    AFTER INSERT OR UPDATE OR DELETE ON "ApiKey"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "account_keys_changed"();

CREATE CONSTRAINT TRIGGER "KeyIp_account_keys_changed"
    AFTER INSERT OR UPDATE OR DELETE ON "KeyIp"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "account_keys_changed"();
