package portalkb.extract;

/**
 * Reads a document's bytes into an {@link ExtractedDocument}: in this JVM ({@link DocumentExtractor}) or in
 * a child JVM with a hard memory and time limit ({@link DocumentSandbox}). A file that cannot be read comes
 * back unreadable with the reason, never as an exception.
 */
public interface DocumentReader extends AutoCloseable {

    ExtractedDocument extract(byte[] body, DocumentType type);

    @Override
    default void close() {
    }
}
