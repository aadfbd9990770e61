package example;

/** A thread subclass that overrides nothing but {@code run()}. */
public class PlainWorker extends Thread {
    private volatile boolean ran;

    @Override
    public void run() {
        ran = true;
    }

    /** Say whether {@link #run()} ran. */
    public boolean ran() {
        return ran;
    }
}
