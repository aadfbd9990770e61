package io.fiberize.samples.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Find documents in the files under a root directory; a directory's document is its {@code index.html}.
 */
final class DirectorySite implements Site {

    private final Path root;

    /**
     * Serve the files under {@code root}.
     */
    DirectorySite(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Document find(String path) throws IOException {
        // "//etc/passwd" resolves to an absolute path outside the root: the startsWith check stops it.
        Path file = root.resolve(path.substring(1)).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new Document(Files.readAllBytes(file), MediaTypes.of(file.getFileName().toString()));
        } catch (NoSuchFileException e) {
            // Removed since the check above.
            return null;
        }
    }
}
