/**
 * Time slicing: a daemon thread (the slicer) samples each loop and raises a flag when one fiber
 * has computed past its slice; the fiber that sees it at a yield point gives its loop back.
 */
package io.fiberize.runtime.slice;
