package example;

/** A subclass of the rewritten class: the exact-class rule leaves it alone. */
public class FakeStreamSubclass extends FakeStream {
}
