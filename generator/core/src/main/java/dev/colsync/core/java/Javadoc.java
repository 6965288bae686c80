package dev.colsync.core.java;

/**
 * Text from a spec made safe inside a generated comment: a name such as <code>a*&#47;b</code> or one
 * containing a backslash-u sequence must neither end the comment nor be read as a Unicode escape.
 */
final class Javadoc {
  private Javadoc() {}

  /**
   * {@code text} as HTML inside {@code <code>}: each character that could close, escape or mark up,
   * and each one outside printable ASCII, is an entity.
   */
  static String code(String text) {
    StringBuilder out = new StringBuilder("<code>");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '*' -> out.append("&#42;");
        case '/' -> out.append("&#47;");
        case '\\' -> out.append("&#92;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '$' -> out.append("&#36;");
        default -> {
          if (c > 0x7e || Character.isISOControl(c)) {
            out.append("&#").append(c).append(';');
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append("</code>").toString();
  }
}
