package dev.colsync.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code colsync.*} settings of an application. */
@ConfigurationProperties("colsync")
public class ColsyncProperties {
  /** Where the read-path flags come from. */
  public enum FlagSourceKind {
    /** OpenFeature when the application has a client bean, else the database when it has a DataSource. */
    AUTO,
    /** The {@code colsync.read_path_flags} table, cached, through the application's DataSource. */
    JDBC,
    /** The application's {@code colsync.read-path.<migration>} properties: fixed per deploy. */
    PROPERTIES,
    /** The application's OpenFeature client. */
    OPENFEATURE
  }

  /**
   * The migrations this application knows, besides those the colsync Maven plugin lists in the
   * {@code META-INF/colsync/migrations} resource of the build.
   */
  private List<String> migrations = new ArrayList<>();

  /** Fixed read paths by migration, for {@code colsync.flags.source=properties} (OLD, SHADOW or NEW). */
  private Map<String, String> readPath = new LinkedHashMap<>();

  private final Flags flags = new Flags();
  private final Instances instances = new Instances();
  private final Jdbc jdbc = new Jdbc();
  private final Runner runner = new Runner();

  public List<String> getMigrations() {
    return migrations;
  }

  public void setMigrations(List<String> migrations) {
    this.migrations = migrations;
  }

  public Map<String, String> getReadPath() {
    return readPath;
  }

  public void setReadPath(Map<String, String> readPath) {
    this.readPath = readPath;
  }

  public Flags getFlags() {
    return flags;
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  public Instances getInstances() {
    return instances;
  }

  public Runner getRunner() {
    return runner;
  }

  /** {@code colsync.runner.*}: the background run of the phases between expand and the switch. */
  public static class Runner {
    /** Whether this application runs them (it needs colsync-core on its class path, for the specs). */
    private boolean enabled;
    /** How long to wait before trying again a migration another instance is running. */
    private Duration retryInterval = Duration.ofSeconds(30);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetryInterval() {
      return retryInterval;
    }

    public void setRetryInterval(Duration retryInterval) {
      this.retryInterval = retryInterval;
    }
  }

  /** {@code colsync.flags.*}. */
  public static class Flags {
    /** Where the flags come from. */
    private FlagSourceKind source = FlagSourceKind.AUTO;
    /** How stale a flag read from the database may be; past it, every migration reads OLD. */
    private Duration maxStaleness = Duration.ofSeconds(5);
    /** Whether to reload at once when a flag changes (LISTEN/NOTIFY); polling still bounds staleness. */
    private boolean listen = true;

    public FlagSourceKind getSource() {
      return source;
    }

    public void setSource(FlagSourceKind source) {
      this.source = source;
    }

    public Duration getMaxStaleness() {
      return maxStaleness;
    }

    public void setMaxStaleness(Duration maxStaleness) {
      this.maxStaleness = maxStaleness;
    }

    public boolean isListen() {
      return listen;
    }

    public void setListen(boolean listen) {
      this.listen = listen;
    }
  }

  /** {@code colsync.instances.*}: this instance's reports of the read paths it uses. */
  public static class Instances {
    /** Whether this instance reports its read paths, so that contract waits for it. */
    private boolean enabled = true;
    /** How often it reports; a report counts for three intervals. */
    private Duration interval = Duration.ofSeconds(10);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /** {@code colsync.jdbc.*}: the application's own connections while columns are added and dropped. */
  public static class Jdbc {
    /**
     * Whether to set pgjdbc's {@code autosave=conservative} on the application's Hikari pool (when its URL sets no
     * autosave), so that a statement prepared before a column was added or dropped is run again, not failed.
     */
    private boolean autosave = true;

    public boolean isAutosave() {
      return autosave;
    }

    public void setAutosave(boolean autosave) {
      this.autosave = autosave;
    }
  }
}
