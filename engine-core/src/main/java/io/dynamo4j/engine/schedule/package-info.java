/**
 * The engine's clock-driven background work: {@link io.dynamo4j.engine.schedule.Scheduler} runs
 * named tasks (TTL sweeps, stream trimming and shard roll-over, journal retention, backup expiry)
 * every interval of the engine's clock, on the thread that moves a
 * {@link io.dynamo4j.engine.TestClock}, on a daemon thread for any other clock, and on demand.
 * Engine internals; not an API.
 */
package io.dynamo4j.engine.schedule;
