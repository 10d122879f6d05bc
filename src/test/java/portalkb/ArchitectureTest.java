package portalkb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package structure of docs/ARCHITECTURE.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("portalkb", "org.elasticsearch.node");

    @Test
    void packagesAreFreeOfCycles() {
        // Each package is a slice of its own (portalkb.store and portalkb.node are two).
        slices().matching("portalkb.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** What each package may import besides config and core (docs/ARCHITECTURE.md, "Packages"). */
    private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
        Map.entry("config", Set.of()),
        Map.entry("core", Set.of()),
        Map.entry("figures", Set.of()),
        Map.entry("store", Set.of()),
        Map.entry("node", Set.of()),
        Map.entry("extract", Set.of("figures")),
        Map.entry("index", Set.of("extract", "figures", "store")),
        Map.entry("crawl", Set.of("extract", "figures", "index", "store")),
        Map.entry("search", Set.of("figures", "store")),
        Map.entry("ask", Set.of("figures", "index", "search", "store")),
        Map.entry("eval", Set.of("ask", "figures", "index", "store")),
        Map.entry("app", Set.of("ask", "crawl", "figures", "search", "store")),
        Map.entry("web", Set.of("app", "ask", "crawl", "figures", "search", "store")),
        Map.entry("demo", Set.of()),
        Map.entry("cli", Set.of("app", "ask", "crawl", "demo", "eval", "extract", "figures", "index", "search", "store", "web")),
        Map.entry("bench", Set.of("app", "ask", "cli", "crawl", "demo", "eval", "extract", "figures", "index", "search", "store", "web")));

    @Test
    void eachPackageImportsOnlyWhatTheDataFlowAllows() {
        for (var entry : MAY_IMPORT.entrySet()) {
            String[] forbidden = MAY_IMPORT.keySet().stream()
                .filter(p -> !p.equals(entry.getKey()) && !p.equals("config") && !p.equals("core") && !entry.getValue().contains(p))
                .map(p -> "portalkb." + p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("portalkb." + entry.getKey() + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(true)
                .check(MAIN);
        }
        // config is the very bottom: not even core.
        noClasses().that().resideInAPackage("portalkb.config..").should().dependOnClassesThat().resideInAPackage("portalkb.core..").check(MAIN);
    }

    @Test
    void onlyTheLocalNodeUsesElasticsearchServerCode() {
        // The application talks to Elasticsearch through the Apache-2.0 client only; the server jars are the node's.
        noClasses().that().resideOutsideOfPackages("portalkb.node..", "org.elasticsearch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.elasticsearch..", "org.apache.lucene..")
            .check(MAIN);
    }

    @Test
    void applicationCodeNeverLoadsBenchmarksOrNodeCode() {
        noClasses().that().resideOutsideOfPackages("portalkb.bench..", "portalkb.node..", "org.elasticsearch..")
            .should().dependOnClassesThat().resideInAnyPackage("portalkb.bench..", "portalkb.node..")
            .check(MAIN);
    }
}
