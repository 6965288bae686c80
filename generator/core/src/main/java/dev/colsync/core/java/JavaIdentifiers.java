package dev.colsync.core.java;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.List;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Java names made from SQL names, which may be anything: keywords ({@code default}), blanks and
 * dashes ({@code user-id}), any script. Names are plain ASCII, so that the generated source reads
 * the same in any encoding: accents are dropped ({@code Région} → {@code region}), ASCII letters and
 * digits are kept, everything else separates words, and the words are joined in camel case.
 */
final class JavaIdentifiers {
  private JavaIdentifiers() {}

  /** {@code line id} → {@code lineId}, {@code Tenant_ID} → {@code tenantID}; no letters → {@code fallback}. */
  static String camelCase(String sqlName, String fallback) {
    List<String> words = words(sqlName);
    if (words.isEmpty()) {
      return fallback;
    }
    StringBuilder name = new StringBuilder();
    for (String word : words) {
      if (name.isEmpty()) {
        name.append(word.equals(word.toUpperCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT) : decapitalise(word));
      } else {
        name.append(capitalise(word));
      }
    }
    return NameAllocator.toJavaIdentifier(name.toString());
  }

  /** {@code users_full_name} → {@code UsersFullName}; a leading digit gets {@code Migration} before it. */
  static String pascalCase(String sqlName) {
    StringBuilder name = new StringBuilder();
    for (String word : words(sqlName)) {
      name.append(capitalise(word));
    }
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      name.insert(0, "Migration");
    }
    return name.toString();
  }

  /** Words in prose for comments: {@code full_name} → {@code full name}. */
  static String prose(String sqlName) {
    return String.join(" ", words(sqlName)).toLowerCase(Locale.ROOT);
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    Normalizer.normalize(text, Normalizer.Form.NFD).codePoints().forEach(c -> {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        return; // the accent of a decomposed letter
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        word.appendCodePoint(c);
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    });
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private static String capitalise(String word) {
    int first = word.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(word, Character.charCount(first), word.length()).toString();
  }

  private static String decapitalise(String word) {
    int first = word.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
        .append(word, Character.charCount(first), word.length()).toString();
  }
}
