package portalkb.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.nio.file.Path;

/** The effective configuration, typed. Defaults and documentation: resources portalkb/config/defaults.yaml. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AppConfig(String data, Elasticsearch elasticsearch, Server server, Crawler crawler, Ask ask, Analytics analytics,
                        Importer importer) {

    public Path dataDir() {
        return Path.of(data).toAbsolutePath().normalize();
    }

    public record Elasticsearch(String url, String apiKey, String username, String password, String caFile,
                                String indexPrefix, int requestTimeoutMs, Local local) {
        public boolean external() {
            return url != null && !url.isBlank();
        }

        public String effectiveUrl() {
            return external() ? url : "http://127.0.0.1:" + local.port();
        }

        /** {@link #effectiveUrl} as it may be shown: credentials written into it ("user:pass@") masked. */
        public String displayUrl() {
            return maskCredentials(effectiveUrl());
        }

        /** Each address of a comma-separated list with its "user:password@" written as "****@". */
        public static String maskCredentials(String urls) {
            return urls == null ? null : urls.replaceAll("(?<=://)[^/@,\\s]+@", "****@");
        }
    }

    public record Local(int port, int transportPort, String heap, int startTimeoutSeconds, String nodeLib, Disk disk) {
    }

    /** The local node's disk watermarks (Elasticsearch's cluster.routing.allocation.disk.watermark.*). */
    public record Disk(String low, String high, String floodStage, int checkIntervalSeconds) {
    }

    public record Server(int port, String host, String adminToken, long maxBodyBytes, int maxQueryChars,
                         int rateLimitPerMinute, boolean cors, int demoSitePort, int maxConcurrentAsks,
                         long askAdmissionWaitMs, int maxConversationIdChars, int adminFailuresPerMinute,
                         String trustedProxies) {
        public boolean adminEnabled() {
            return adminToken != null && !adminToken.isBlank();
        }
    }

    public record Crawler(String sources, String userAgent, int threads, long delayMs, int connectTimeoutMs,
                          int readTimeoutMs, long maxPageBytes, int maxRedirects, int maxRetries,
                          long retryBackoffMs, long recrawlAfterHours, int maxDepth, int maxPages, int checkProbes,
                          long maxInflatedBytes, int maxSitemapDepth, int maxPaginationDepth, int maxDiscoveredPerRun,
                          int maxFrontier, int maxHtmlDepth, double overwriteMinBodyRatio, int overwriteMaxTextDistance,
                          Documents documents, int maxConcurrentRuns, long yieldToUsersMs, long writeBlockWaitSeconds,
                          long leaseSeconds, int maxKnownUrls, int writeAttempts) {
    }

    /** PDF, Word and Excel files the crawler reads (crawler.documents). */
    public record Documents(boolean enabled, long maxBytes, int maxPages, int maxChars, long timeoutMs, int maxSheetRows,
                            boolean isolated, int maxHeapMb, int readers) {
    }

    public record Ask(String model, int topK, OpenAi openai, Ollama ollama, boolean embeddings, Vectors vectors) {
    }

    /** How passage vectors are filled after indexing (ask.vectors). */
    public record Vectors(int batchSize, int intervalSeconds) {
    }

    public record OpenAi(String baseUrl, String model, String apiKey) {
    }

    public record Ollama(String baseUrl, String model) {
    }

    /** ./kb import (importer.*). */
    public record Importer(int lanes, int maxLineChars, String overwrite, int writeAttempts, int bulkRequests) {
        /** Whether an imported line replaces a stored article only when the crawl's overwrite policy would let a page replace it. */
        public boolean overwriteByPolicy() {
            return !"always".equals(overwrite);
        }
    }

    public record Analytics(int valuesPerCell, int conflictFacts, int maxTrendProvinces, int cellsPerSearch) {
    }
}
