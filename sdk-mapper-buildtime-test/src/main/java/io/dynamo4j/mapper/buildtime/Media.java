package io.dynamo4j.mapper.buildtime;

import io.dynamo4j.mapper.annotation.Discriminator;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.Table;

/** A sealed hierarchy stored in one table. */
@Table("Media")
@Discriminator("kind")
public sealed interface Media permits Media.Film, Media.Album {

  /**
   * A film.
   *
   * @param id key
   * @param minutes running time
   */
  record Film(@PartitionKey String id, int minutes) implements Media {}

  /**
   * An album.
   *
   * @param id key
   * @param tracks track count
   */
  record Album(@PartitionKey String id, int tracks) implements Media {}
}
