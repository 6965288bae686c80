package dev.colsync.core.java;

import com.palantir.javapoet.AnnotationSpec;
import javax.annotation.processing.Generated;

/** Annotations on generated classes. */
final class AnnotationSpecs {
  private AnnotationSpecs() {}

  /** {@code @Generated("dev.colsync")}: tools that skip generated code recognise it; no date, so output is stable. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(Generated.class).addMember("value", "$S", "dev.colsync").build();
  }
}
