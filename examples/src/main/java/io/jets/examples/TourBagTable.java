package io.jets.examples;

import io.jets.table.Access;
import io.jets.table.BagTable;
import io.jets.table.Tables;
import java.util.List;

/** The README's tour of {@code bag} and {@code duplicate_bag} tables. */
public final class TourBagTable {

  private TourBagTable() {}

  /** Runs the tour; returns the tags of post-1 and the page views of /home. */
  public static List<List<String>> run() {
    // spotless:off
    // tag::bag[]
    BagTable<String, String> tags = Tables.bag("tags").access(Access.PUBLIC).build();
    tags.insert("post-1", "java");
    tags.insert("post-1", "ets");
    tags.insert("post-1", "java"); // a bag keeps one of two equal objects
    List<String> postTags = tags.lookup("post-1"); // [java, ets]: insertion order per key

    BagTable<String, String> views = Tables.duplicateBag("views").access(Access.PUBLIC).build();
    views.insert("/home", "alice");
    views.insert("/home", "alice"); // a duplicate bag keeps both
    int homeViews = views.count("/home"); // 2
    views.deleteObject("/home", "alice"); // removes every object equal to it
    // end::bag[]
    // spotless:on
    List<String> homeAfter = views.lookup("/home");
    tags.delete();
    views.delete();
    if (homeViews != 2 || !homeAfter.isEmpty()) {
      throw new IllegalStateException("the bag tour went wrong");
    }
    return List.of(postTags, homeAfter);
  }
}
