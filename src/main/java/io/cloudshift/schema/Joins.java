package io.cloudshift.schema;

import java.util.List;

/** Join plumbing shared by the Dataset transformations. */
public final class Joins {
  private Joins() {}

  /** Column names for {@code Dataset.join(other, usingColumns, joinType)}. */
  public static scala.collection.immutable.Seq<String> using(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }
}
