/**
 * The build-time path: {@link io.dynamo4j.mapper.build.AccessorPlugin}, a plugin for ByteBuddy's
 * Maven (or Gradle) plugin, writes the accessor class of every mapped class beside it at build
 * time, so that at run time the mapper finds them and defines no class: for GraalVM native
 * images, restrictive class loaders, and the fastest first schema.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>net.bytebuddy</groupId>
 *   <artifactId>byte-buddy-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>transform</goal></goals></execution></executions>
 *   <configuration>
 *     <transformations>
 *       <transformation><plugin>io.dynamo4j.mapper.build.AccessorPlugin</plugin></transformation>
 *     </transformations>
 *   </configuration>
 * </plugin>
 * }</pre>
 *
 * <p>This package is a build tool's entry point, not API: the plugin implements ByteBuddy's
 * {@code Plugin} interface, the one place a ByteBuddy type appears in a public signature.
 */
package io.dynamo4j.mapper.build;
