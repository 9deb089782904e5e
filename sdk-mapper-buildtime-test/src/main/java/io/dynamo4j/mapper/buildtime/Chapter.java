package io.dynamo4j.mapper.buildtime;

/**
 * A nested record.
 *
 * @param number its number
 * @param name its name
 */
public record Chapter(int number, String name) {}
