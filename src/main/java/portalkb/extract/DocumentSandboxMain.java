package portalkb.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link DocumentSandbox}: reads requests from stdin, one JSON line each (a file to read,
 * its type and the limits), and answers each with one JSON line, the {@link ExtractedDocument}. Started
 * with a small heap and -XX:+ExitOnOutOfMemoryError, so a file that needs more memory ends this process,
 * never the crawler's.
 */
public final class DocumentSandboxMain {

    /** One request: the file holding the document's bytes, its type, and the reading limits. */
    record Request(String file, DocumentType type, DocumentExtractor.Limits limits) {
    }

    private DocumentSandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        // Only answers go to stdout: whatever a library prints goes to stderr.
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        // A Word or Excel zip entry past 64 MB is refused before it is parsed (POI's own default is 4 GB); the heap limit does the rest.
        ZipSecureFile.setMaxEntrySize(64L << 20);
        // The readers' classes are loaded before the first file: its time limit is for reading it, not for starting up.
        Class.forName("org.apache.pdfbox.Loader");
        Class.forName("org.apache.poi.xwpf.usermodel.XWPFDocument");
        Class.forName("org.apache.poi.ss.usermodel.WorkbookFactory");
        answers.println("ready");
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = requests.readLine(); line != null; line = requests.readLine()) {
            Request request = json.readValue(line, Request.class);
            byte[] body = Files.readAllBytes(Path.of(request.file()));
            ExtractedDocument document = new DocumentExtractor(request.limits()).extract(body, request.type());
            answers.println(json.writeValueAsString(document));
        }
    }
}
