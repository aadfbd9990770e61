package programs.threads;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Set a thread's context class loader before starting it: inside, the program sees it, and so does
 * JDK code ({@code ServiceLoader.load(Class)} asks it for the service's provider files).
 */
public final class ContextClassLoaderReachesJdk {

    /** A loader that records which resources it was asked for. */
    static final class RecordingLoader extends ClassLoader {
        final Set<String> asked = new TreeSet<>();

        RecordingLoader() {
            super("recording", ClassLoader.getSystemClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            synchronized (asked) {
                asked.add(name);
            }
            return super.getResources(name);
        }
    }

    public static void main(String[] args) throws Exception {
        RecordingLoader loader = new RecordingLoader();
        Thread thread = new Thread(() -> {
            ClassLoader seen = Thread.currentThread().getContextClassLoader();
            System.out.println("inside: getContextClassLoader() == loader: " + (seen == loader));
            boolean present = ServiceLoader.load(Runnable.class).findFirst().isPresent();
            System.out.println("inside: a Runnable provider found: " + present);
        }, "with-loader");
        thread.setContextClassLoader(loader);
        System.out.println("outside before start: getContextClassLoader() == loader: "
                + (thread.getContextClassLoader() == loader));
        thread.start();
        thread.join(5_000);
        synchronized (loader.asked) {
            System.out.println("the loader was asked for: " + loader.asked);
        }

        RecordingLoader setInside = new RecordingLoader();
        Thread switching = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(setInside);
            ServiceLoader.load(Runnable.class).findFirst();
        }, "sets-its-own");
        switching.start();
        switching.join(5_000);
        System.out.println("outside after it set its own: getContextClassLoader() == its loader: "
                + (switching.getContextClassLoader() == setInside));
        synchronized (setInside.asked) {
            System.out.println("the loader set inside was asked for: " + setInside.asked);
        }
    }
}
