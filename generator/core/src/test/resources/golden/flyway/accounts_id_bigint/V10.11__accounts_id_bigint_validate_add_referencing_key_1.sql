-- colsync accounts_id_bigint: validate / add constraint "colsync_accounts_id_bigint_entries_account_id_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "public"."accounts" IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE "public"."entries" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'public.entries'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_entries_account_id_fkey') THEN
    ALTER TABLE "public"."entries" ADD CONSTRAINT "colsync_accounts_id_bigint_entries_account_id_fkey" FOREIGN KEY (account_id) REFERENCES public.accounts("id_colsync_new") ON DELETE CASCADE NOT VALID;
  END IF;
END
$colsync$;
