package io.tickflow.common.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One example message of a contract, as shipped on the classpath under {@code contracts/examples/}.
 *
 * @param contract the contract it belongs to
 * @param name its file name, e.g. {@code btc-usd-trades.json}; for invalid examples it says what is wrong
 * @param resource its classpath resource
 * @param json its text
 */
public record ContractExample(Contract contract, String name, String resource, String json) {

    public ContractExample {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(json, "json");
    }

    /** The resource path, which names the example well enough in test reports and messages. */
    @Override
    public String toString() {
        return resource;
    }

    /** The {@code .json} files directly inside {@code folder}, sorted by name; none if the folder does not exist. */
    static List<ContractExample> load(Contract contract, String folder, ClassLoader loader) {
        // The schema is always there, next to the examples: it tells a folder on disk from an entry of a jar.
        URL anchor = loader.getResource(contract.schemaResource());
        if (anchor == null) {
            throw new IllegalStateException("The schema " + contract.schemaResource() + " is not on the classpath");
        }
        List<String> names =
                switch (anchor.getProtocol()) {
                    case "file" -> filesIn(folderNextTo(anchor, contract, folder));
                    case "jar" -> entriesIn(anchor, folder);
                    default ->
                        throw new IllegalStateException("Cannot list the examples of " + contract + " in " + anchor);
                };
        List<ContractExample> examples = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            examples.add(new ContractExample(contract, name, folder + name, read(loader, folder + name)));
        }
        return Collections.unmodifiableList(examples);
    }

    private static Path folderNextTo(URL schema, Contract contract, String folder) {
        try {
            Path schemaFile = Path.of(schema.toURI());
            // The schema lies at contracts/<name>.schema.json: climb back to the classpath root.
            Path root = schemaFile;
            for (int i = 0; i < contract.schemaResource().split("/").length; i++) {
                root = root.getParent();
            }
            return root.resolve(folder);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unreadable classpath location " + schema, e);
        }
    }

    private static List<String> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> entriesIn(URL schemaInJar, String folder) {
        try {
            JarURLConnection connection = (JarURLConnection) schemaInJar.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream()
                        .map(JarEntry::getName)
                        .filter(entry -> entry.startsWith(folder) && entry.endsWith(".json"))
                        .map(entry -> entry.substring(folder.length()))
                        .filter(name -> !name.contains("/"))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
