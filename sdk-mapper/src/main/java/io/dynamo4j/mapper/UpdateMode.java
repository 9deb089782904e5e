package io.dynamo4j.mapper;

/** What {@link MappedTable#update(Object, UpdateMode)} does with an object's null properties. */
public enum UpdateMode {
  /** SET the non-null properties and leave the attributes of null ones as they are. */
  IGNORE_NULLS,
  /** SET the non-null properties and REMOVE the attributes of null ones: the item ends up as the object. */
  REPLACE
}
