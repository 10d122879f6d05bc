package portalkb.ask;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ContentAggregator;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.router.DefaultQueryRouter;
import portalkb.config.AppConfig;
import portalkb.extract.MetricCatalogue;
import portalkb.search.BadParameterException;
import portalkb.search.Provinces;
import portalkb.store.Elastic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Ask: resolves a follow-up against the conversation, retrieves through a LangChain4j
 * {@link RetrievalAugmentor} (query transformer → BM25, kNN and facts retrievers → reciprocal rank
 * fusion → numbered-passage injector), has the configured {@link ChatModel} answer, and keeps only
 * citations that point at a passage it was given.
 */
public final class AskService {

    private static final int CONVERSATIONS = 1000;
    private static final int STREAM_TIMEOUT_SECONDS = 180;

    private final QuestionAnalyzer analyzer;
    private final RetrievalAugmentor augmentor;
    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final String modelName;
    private final int maxChars;
    private final Map<String, Question> conversations = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Question> eldest) {
            return size() > CONVERSATIONS;
        }
    };

    public AskService(Elastic elastic, AppConfig config) {
        this(elastic, config, AnswerModels.create(config.ask(), new QuestionAnalyzer()), AnswerModels.createStreaming(config.ask()));
    }

    public AskService(Elastic elastic, AppConfig config, ChatModel model) {
        this(elastic, config, model, null);
    }

    /** With a streaming model, {@link #ask(String, String, String, String, Consumer)} passes its tokens on as they come. */
    public AskService(Elastic elastic, AppConfig config, ChatModel model, StreamingChatModel streamingModel) {
        this.analyzer = new QuestionAnalyzer();
        this.model = model;
        this.streamingModel = streamingModel;
        this.modelName = config.ask().model();
        this.maxChars = config.server().maxQueryChars();
        int k = config.ask().topK();
        List<ContentRetriever> retrievers = new ArrayList<>();
        retrievers.add(new FactRetriever(elastic, analyzer, k));
        retrievers.add(new PassageRetriever(elastic, analyzer, k));
        if (config.ask().embeddings()) {
            retrievers.add(new VectorRetriever(elastic, k));
        }
        this.augmentor = DefaultRetrievalAugmentor.builder()
            .queryTransformer(new VietnameseQueryTransformer(analyzer))
            .queryRouter(new DefaultQueryRouter(retrievers))
            .contentAggregator(new DistinctRankFuser(k))
            .contentInjector(new NumberedPassageInjector(analyzer))
            .build();
    }

    public AskResponse ask(String questionText, String conversationId, String province, String lang) {
        return ask(questionText, conversationId, province, lang, null);
    }

    /**
     * As {@link #ask(String, String, String, String)}; with a streaming model, each token of the raw answer
     * goes to {@code onToken} as the model writes it (before the citation check) and the returned answer is
     * the checked one. Without one, nothing goes to {@code onToken}.
     */
    public AskResponse ask(String questionText, String conversationId, String province, String lang, Consumer<String> onToken) {
        long start = System.nanoTime();
        if (questionText == null || questionText.isBlank()) {
            throw new BadParameterException("question", "empty; ask something, e.g. \"Which province reached 97.9% insurance coverage?\"");
        }
        if (questionText.length() > maxChars) {
            throw new BadParameterException("question", "longer than " + maxChars + " characters");
        }
        if (lang != null && !lang.isBlank() && !lang.equals("en") && !lang.equals("vi")) {
            throw new BadParameterException("lang", "expected en or vi");
        }
        String conversation = conversationId == null || conversationId.isBlank() ? UUID.randomUUID().toString() : conversationId.strip();
        Question previous;
        synchronized (conversations) {
            previous = conversations.get(conversation);
        }
        Question asked = analyzer.analyze(questionText.strip());
        List<String> forced = province == null || province.isBlank() ? List.of() : Provinces.resolve("province", List.of(province));
        Question resolved = asked.withContext(previous);
        String answerLang = lang != null && !lang.isBlank() ? lang
            : previous != null && asked.metrics().isEmpty() && asked.numbers().isEmpty() && isShort(questionText) ? previous.lang() : asked.lang();
        String text = resolvedText(questionText.strip(), asked, resolved, forced, answerLang);
        Question analyzed = analyzer.analyze(text);
        Question finalQuestion = new Question(analyzed.text(), answerLang, analyzed.metrics(), analyzed.provinces(), analyzed.years(),
            analyzed.numbers(), analyzed.intent(), analyzed.threshold(), analyzed.above());
        synchronized (conversations) {
            conversations.put(conversation, finalQuestion);
        }
        UserMessage message = UserMessage.from(text);
        AugmentationResult augmented = augmentor.augment(new AugmentationRequest(message, Metadata.from(message, conversation, List.<ChatMessage>of())));
        List<Content> contents = augmented.contents();
        String raw = generate(augmented.chatMessage(), onToken);
        String answer = Citations.keepValid(raw == null ? "" : raw.strip(), contents.size());
        List<AskResponse.Citation> citations = Citations.of(answer, contents);
        return new AskResponse(answer, answerLang, province(citations, finalQuestion), Citations.figures(answer, citations, contents),
            citations, conversation, (System.nanoTime() - start) / 1_000_000);
    }

    private String generate(ChatMessage prompt, Consumer<String> onToken) {
        try {
            if (streamingModel == null || onToken == null) {
                return model.chat(prompt).aiMessage().text();
            }
            CompletableFuture<String> answer = new CompletableFuture<>();
            streamingModel.chat(List.of(prompt), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    onToken.accept(token);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    answer.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    answer.completeExceptionally(error);
                }
            });
            return answer.get(STREAM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AnswerModelException(modelName, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new AnswerModelException(modelName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerModelException(modelName, e);
        }
    }

    /** The question plus what a follow-up left implicit ("and Yên Bái?" → the metric asked before). */
    private static String resolvedText(String text, Question asked, Question resolved, List<String> forced, String lang) {
        List<String> added = new ArrayList<>();
        if (asked.metric() == null && resolved.metric() != null) {
            MetricCatalogue.get().byId(resolved.metric())
                .ifPresent(m -> added.add(("vi".equals(lang) ? m.vi() : m.name()).toLowerCase(Locale.ROOT)));
        }
        for (String p : forced.isEmpty() ? resolved.provinces() : forced) {
            if (!asked.provinces().contains(p)) {
                added.add(p);
            }
        }
        for (Integer y : resolved.years()) {
            if (!asked.years().contains(y)) {
                added.add(("vi".equals(lang) ? "năm " : "in ") + y);
            }
        }
        return added.isEmpty() ? text : text + " (" + String.join("; ", added) + ")";
    }

    /** "and Yên Bái?", "còn 2022?": a follow-up too short to have a language of its own. */
    private static boolean isShort(String text) {
        return text.strip().split("\\s+").length <= 4;
    }

    private static String province(List<AskResponse.Citation> citations, Question q) {
        if (!citations.isEmpty() && citations.get(0).province() != null) {
            return citations.get(0).province();
        }
        return q.provinces().isEmpty() ? null : q.provinces().get(0);
    }

    /** Reciprocal rank fusion over every query × retriever list, then one copy of each passage, top k. */
    static final class DistinctRankFuser implements ContentAggregator {
        private final int k;

        DistinctRankFuser(int k) {
            this.k = k;
        }

        @Override
        public List<Content> aggregate(Map<dev.langchain4j.rag.query.Query, Collection<List<Content>>> byQuery) {
            List<List<Content>> lists = new ArrayList<>();
            byQuery.values().forEach(lists::addAll);
            List<Content> fused = ReciprocalRankFuser.fuse(lists);
            Map<String, Content> distinct = new LinkedHashMap<>();
            for (Content c : fused) {
                distinct.putIfAbsent(Contents.get(c, Contents.KEY), c);
            }
            return new ArrayList<>(distinct.values()).subList(0, Math.min(k, distinct.size()));
        }
    }
}
