package dev.colsync.core.java;

import dev.colsync.runtime.shim.LogicalColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in memory, as an application's build would: Java 17, every lint
 * warning an error, against the runtime classes and nothing else; the result loads in a class
 * loader whose parent is this test's, so the runtime types are shared with the test.
 */
public final class InMemoryCompiler {
  /** The classes a compilation produced, by binary name. */
  public static final class Compiled extends ClassLoader {
    private final Map<String, byte[]> classes;

    Compiled(Map<String, byte[]> classes) {
      super(InMemoryCompiler.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }

    public Class<?> load(String name) {
      try {
        return loadClass(name);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private InMemoryCompiler() {}

  /**
   * Compiles {@code sources} (path ending in {@code .java} → text).
   *
   * @throws AssertionError naming every diagnostic when javac reports any, warnings included
   */
  public static Compiled compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> output = new HashMap<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((path, text) -> units.add(new Source(path, text)));
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null)) {
      ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) {
          return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
            @Override
            public OutputStream openOutputStream() {
              return output.computeIfAbsent(className, name -> new ByteArrayOutputStream());
            }
          };
        }
      };
      List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
          "-classpath", runtimeClasses());
      boolean ok = javac.getTask(messages, files, diagnostics, options, null, units).call();
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        StringBuilder report = new StringBuilder("javac reported:\n");
        diagnostics.getDiagnostics().forEach(d -> report.append("  ").append(d).append('\n'));
        throw new AssertionError(report.append(messages).toString());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, byte[]> classes = new HashMap<>();
    output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
    return new Compiled(classes);
  }

  /** Where the runtime's classes are (its jar, or its classes directory in the reactor). */
  static String runtimeClasses() {
    try {
      return Path.of(LogicalColumn.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("mem:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
