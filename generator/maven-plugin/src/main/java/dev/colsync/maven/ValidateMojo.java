package dev.colsync.maven;

import dev.colsync.core.spec.MigrationSpec;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Checks every spec and fails the build on the first problem found, naming all of them; writes nothing. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractColsyncMojo {
  @Override
  void run(List<MigrationSpec> specs) {
    getLog().info("colsync: " + specs.size() + " spec(s) valid");
  }
}
