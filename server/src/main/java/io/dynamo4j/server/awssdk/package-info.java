/**
 * AWS SDK for Java v2 HTTP clients that answer in process: {@link
 * io.dynamo4j.server.awssdk.InProcessHttpClient} for {@code DynamoDbClient} and {@link
 * io.dynamo4j.server.awssdk.InProcessAsyncHttpClient} for {@code DynamoDbAsyncClient}. These are
 * the one place where a third-party type (the SDK's HTTP client SPI) appears in a public signature:
 * implementing it is their purpose. The SDK is an optional dependency of this module.
 */
package io.dynamo4j.server.awssdk;
