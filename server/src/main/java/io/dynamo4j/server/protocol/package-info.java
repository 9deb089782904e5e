/**
 * DynamoDB's HTTP JSON protocol, independent of any transport: {@link
 * io.dynamo4j.server.protocol.DynamoProtocol} turns one HTTP request into one HTTP response, with
 * dispatch by {@code X-Amz-Target}, SigV4 header checks, content codings, CORS and DynamoDB's
 * errors. Bodies are read and written by sdk-core's {@link io.dynamo4j.json.WireCodec}.
 */
package io.dynamo4j.server.protocol;
