package example;

/** A stand-in for a JDK class whose methods a {@code JdkMethodInstrumentation} rewrites. */
public class FakeStream {
    private final StringBuilder log = new StringBuilder();

    /** Return 1, or -1 once the log is long. */
    public int read() {
        if (log.length() > 100) {
            return -1;
        }
        log.append("read;");
        return 1;
    }

    /** Log that it closed with {@code code}. */
    public void close(int code) {
        log.append("close ").append(code).append(';');
    }

    /** Return a name, different on odd and even log lengths, from two returns. */
    public String name() {
        if (log.length() % 2 == 0) {
            return "even";
        }
        return "odd";
    }

    /** Return what the methods logged. */
    public String log() {
        return log.toString();
    }
}
