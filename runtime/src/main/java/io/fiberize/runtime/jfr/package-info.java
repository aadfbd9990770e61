/**
 * Emit fiberize's JFR events: fiber start and end, loop stalls, compensations, offloaded
 * calls. Called on the thread the event is about (a fiber, a pool thread) or the watchdog's;
 * touches an event class only while JFR runs.
 */
package io.fiberize.runtime.jfr;
