package io.cloudshift.io;

/** The root under which every Delta table lives: {@code <root>/<table>}. Local path or Hadoop URI. */
public record Warehouse(String root) {
  public Warehouse {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String path(String table) {
    return root + "/" + table;
  }
}
