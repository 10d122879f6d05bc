package portalkb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
