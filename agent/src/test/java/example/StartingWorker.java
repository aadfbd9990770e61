package example;

/** A thread subclass with its own {@code start()}, which calls {@code super.start()}. */
public class StartingWorker extends Thread {
    private boolean starting;

    @Override
    public void start() {
        starting = true;
        super.start();
    }

    /** Say whether {@link #start()} ran. */
    public boolean starting() {
        return starting;
    }
}
