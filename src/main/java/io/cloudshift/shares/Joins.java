package io.cloudshift.shares;

import java.util.List;

/** Join plumbing shared by the transformations of this package. */
final class Joins {
  private Joins() {}

  /** Column names for {@code Dataset.join(other, usingColumns, joinType)}. */
  static scala.collection.immutable.Seq<String> using(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }
}
