/**
 * The annotations that map a class to DynamoDB items: {@link io.dynamo4j.mapper.annotation.Table},
 * keys ({@link io.dynamo4j.mapper.annotation.PartitionKey}, {@link io.dynamo4j.mapper.annotation.SortKey},
 * {@link io.dynamo4j.mapper.annotation.IndexPartitionKey}, {@link io.dynamo4j.mapper.annotation.IndexSortKey}),
 * attribute shaping ({@link io.dynamo4j.mapper.annotation.Attribute}, {@link io.dynamo4j.mapper.annotation.Ignore},
 * {@link io.dynamo4j.mapper.annotation.Convert}, {@link io.dynamo4j.mapper.annotation.Flatten},
 * {@link io.dynamo4j.mapper.annotation.IgnoreNulls}), generated values ({@link io.dynamo4j.mapper.annotation.Version},
 * {@link io.dynamo4j.mapper.annotation.CreatedAt}, {@link io.dynamo4j.mapper.annotation.UpdatedAt},
 * {@link io.dynamo4j.mapper.annotation.AtomicCounter}, {@link io.dynamo4j.mapper.annotation.TimeToLive}) and
 * polymorphism ({@link io.dynamo4j.mapper.annotation.Discriminator}, {@link io.dynamo4j.mapper.annotation.Subtypes},
 * {@link io.dynamo4j.mapper.annotation.DiscriminatorValue}).
 *
 * <p>Property annotations go on the field, on the getter, or on a record component, whichever the
 * class has: Lombok and Kotlin put them on fields. The mapper reads them at schema build; they are
 * retained at run time and have no behaviour of their own.
 */
package io.dynamo4j.mapper.annotation;
