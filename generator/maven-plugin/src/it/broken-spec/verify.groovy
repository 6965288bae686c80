// The build fails naming the spec file, the line and column of each problem, and nothing is generated.
def log = new File(basedir, 'build.log').text
assert log =~ /broken\.yaml:1:12: \/migration: /
assert log =~ /broken\.yaml:4:59: \/rename\/notNull: /
assert !new File(basedir, 'target/generated-resources/colsync/db/migration').exists()
return true
