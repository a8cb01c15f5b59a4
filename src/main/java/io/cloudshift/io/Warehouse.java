package io.cloudshift.io;

/**
 * The root under which every Delta table lives: {@code <root>/<table>}. Local path or Hadoop URI;
 * never empty (the configuration refuses an empty or file-system-root warehouse first).
 */
public record Warehouse(String root) {
  public Warehouse {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    if (root.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot use an empty or root warehouse path: every table would be written under /");
    }
  }

  public String path(String table) {
    return root + "/" + table;
  }
}
