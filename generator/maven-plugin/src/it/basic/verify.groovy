// The SQL is on the classpath where Flyway looks. users_full_name is in its first release: expand only, so an
// application's Flyway at startup neither runs the backfill nor drops the column. orders_amount_cents holds
// every phase (release: all), with its .sql.conf beside the no-transaction script.
def classes = new File(basedir, 'target/classes/db/migration')
assert new File(classes, 'users_full_name/V1.01__users_full_name_expand_add_column.sql').isFile()
assert !new File(classes, 'users_full_name/V1.03__users_full_name_backfill_run.sql').exists()
assert !new File(classes, 'users_full_name').listFiles().any { it.name.contains('_contract_') }
assert new File(classes, 'orders_amount_cents/V2.01__orders_amount_cents_expand_add_column.sql').isFile()
assert new File(classes, 'orders_amount_cents/V2.03__orders_amount_cents_backfill_run.sql.conf').text.trim() == 'executeInTransaction=false'
assert new File(classes, 'users_full_name/runbook.md').isFile()
assert new File(basedir, 'target/classes/META-INF/colsync/migrations').text == 'orders_amount_cents\nusers_full_name\n'
assert new File(basedir, 'target/classes/META-INF/colsync/specs/users_full_name.yaml').text.contains('migration: users_full_name')
def log = new File(basedir, 'build.log').text
assert log.contains('colsync: generated 2 migration(s)')
assert new File(basedir, 'target/generated-sources/colsync/com/example/users/UsersFullNameShim.java').isFile()
assert new File(basedir, 'target/classes/com/example/users/UsersFullNameShim.class').isFile()
assert log.contains('colsync: specs unchanged, output up to date')
return true
