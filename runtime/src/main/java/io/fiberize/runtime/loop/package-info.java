/**
 * Run fibers: each loop is one carrier thread that is also its fibers' selector (epoll) and
 * timer. The loop's state belongs to its carrier ({@link io.fiberize.runtime.loop.LoopThread});
 * every other thread, and every fiber, hands work in through its lock-free inbox.
 */
package io.fiberize.runtime.loop;
