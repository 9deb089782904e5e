/**
 * Mapped classes of the build-time test: ByteBuddy's Maven plugin, with dynamo4j's
 * {@code AccessorPlugin}, writes their accessor classes beside them when this module is built.
 */
package io.dynamo4j.mapper.buildtime;
