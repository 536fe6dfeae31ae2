package dev.petrel.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into {@code version.properties}, for {@code --version}. */
final class Version implements IVersionProvider {

    static String version() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "petrel " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
