/**
 * Hold what the user chose (the runtime's configuration, which classes are the application's)
 * and say it (the runtime's log). A leaf: it uses no other package of the runtime, and any
 * thread may call it.
 */
package io.fiberize.runtime.config;
