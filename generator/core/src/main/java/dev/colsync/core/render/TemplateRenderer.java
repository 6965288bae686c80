package dev.colsync.core.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Renders {@link TemplateModel}s with FreeMarker. Templates come from the {@code colsync-templates}
 * jar; a directory given to {@link #withOverrides(Path)} is searched first, so users can replace any
 * template by putting a file of the same name there.
 */
public final class TemplateRenderer {
  private static final String TEMPLATE_ROOT = "/dev/colsync/templates";

  private final Configuration configuration;

  private TemplateRenderer(TemplateLoader loader) {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(loader);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("computer");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
  }

  /** The built-in templates only. */
  public static TemplateRenderer builtIn() {
    return new TemplateRenderer(new ClassTemplateLoader(TemplateRenderer.class, TEMPLATE_ROOT));
  }

  /** Templates in {@code directory} first, then the built-in ones. */
  public static TemplateRenderer withOverrides(Path directory) throws IOException {
    return new TemplateRenderer(new MultiTemplateLoader(new TemplateLoader[] {
        new FileTemplateLoader(directory.toFile()),
        new ClassTemplateLoader(TemplateRenderer.class, TEMPLATE_ROOT)}));
  }

  /** The template of {@code model} rendered with the model bound to {@code model}. */
  public String render(TemplateModel model) {
    Map<String, Object> root = Map.of("model", toTemplateValue(model, model.templateName()));
    StringWriter out = new StringWriter();
    try {
      configuration.getTemplate(model.templateName()).process(root, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + model.templateName(), e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + model.templateName() + " failed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Records become maps of their components (none may be null); lists and optionals are mapped element-wise. */
  private static Object toTemplateValue(Object value, String path) {
    if (value instanceof Record record) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object componentValue = read(record, component);
        String componentPath = path + "." + component.getName();
        if (componentValue == null) {
          throw new IllegalStateException("template model " + componentPath + " is not set");
        }
        map.put(component.getName(), toTemplateValue(componentValue, componentPath));
      }
      return map;
    }
    if (value instanceof List<?> list) {
      List<Object> mapped = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        mapped.add(toTemplateValue(list.get(i), path + "[" + i + "]"));
      }
      return mapped;
    }
    if (value instanceof Optional<?> optional) {
      throw new IllegalStateException("template model " + path + " is an Optional; resolve it before rendering");
    }
    return value;
  }

  private static Object read(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
