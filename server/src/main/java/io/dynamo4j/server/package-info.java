/**
 * DynamoDB's HTTP endpoint over any engine: {@link io.dynamo4j.server.DynamoServer} (Netty,
 * HTTP/1.1) to embed, {@link io.dynamo4j.server.Main} to launch
 * ({@code java -jar server/target/dynamo4j-server.jar}). The protocol itself lives in
 * {@link io.dynamo4j.server.protocol}; the in-process AWS SDK HTTP clients in
 * {@link io.dynamo4j.server.awssdk}.
 */
package io.dynamo4j.server;
