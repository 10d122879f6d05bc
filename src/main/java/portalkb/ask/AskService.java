package portalkb.ask;

import portalkb.ask.answer.AnalyticsAnswerer;
import portalkb.ask.answer.Answer;
import portalkb.ask.answer.Answerer;
import portalkb.ask.answer.Answerers;
import portalkb.ask.answer.LlmAnswerer;
import portalkb.ask.answer.SentenceReader;
import portalkb.ask.question.Question;
import portalkb.ask.question.QuestionAnalyzer;
import portalkb.ask.retrieve.DistinctRankFuser;
import portalkb.ask.retrieve.FactRetriever;
import portalkb.ask.retrieve.PassageRetriever;
import portalkb.ask.retrieve.QuestionMetadata;
import portalkb.ask.retrieve.QuestionQueryTransformer;
import portalkb.ask.retrieve.Retrieved;
import portalkb.ask.retrieve.TermWeights;
import portalkb.ask.retrieve.VectorRetriever;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.router.DefaultQueryRouter;
import portalkb.config.AppConfig;
import portalkb.core.BadParameterException;
import portalkb.search.FactAnalytics;
import portalkb.core.Provinces;
import portalkb.store.Elastic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ask: analyses the question once into a {@link Question} (resolving a follow-up against the
 * conversation), retrieves through a LangChain4j {@link RetrievalAugmentor} (query transformer → facts,
 * BM25 and kNN retrievers → reciprocal rank fusion) with the question in the query metadata, has the
 * configured {@link Answerer} write the answer, and keeps only citations that point at a passage it was given.
 */
public final class AskService {

    private static final int CONVERSATIONS = 1000;

    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
    private final RetrievalAugmentor augmentor;
    private final Answerer answerer;
    private final int maxChars;
    private final Map<String, Question> conversations = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Question> eldest) {
            return size() > CONVERSATIONS;
        }
    };

    public AskService(Elastic elastic, AppConfig config) {
        this(elastic, config, Answerers.create(config.ask(), new SentenceReader(new TermWeights(elastic))));
    }

    /** With an LLM of the caller's (tests): the prompt carries the offline reader's answer as a hint. */
    public AskService(Elastic elastic, AppConfig config, ChatModel model) {
        this(elastic, config, model, null);
    }

    public AskService(Elastic elastic, AppConfig config, ChatModel model, StreamingChatModel streamingModel) {
        this(elastic, config, new LlmAnswerer(model, streamingModel, config.ask().model(), new SentenceReader(new TermWeights(elastic))));
    }

    public AskService(Elastic elastic, AppConfig config, Answerer answerer) {
        // Rankings and trends come from the facts index whatever answers the rest.
        this.answerer = new AnalyticsAnswerer(new FactAnalytics(elastic, config.analytics()), answerer);
        this.maxChars = config.server().maxQueryChars();
        int k = config.ask().topK();
        List<ContentRetriever> retrievers = new ArrayList<>();
        retrievers.add(new FactRetriever(elastic, k));
        retrievers.add(new PassageRetriever(elastic, k));
        retrievers.add(new PassageRetriever(elastic, k, true));
        if (config.ask().embeddings()) {
            retrievers.add(new VectorRetriever(elastic, k));
        }
        this.augmentor = DefaultRetrievalAugmentor.builder()
            .queryTransformer(new QuestionQueryTransformer())
            .queryRouter(new DefaultQueryRouter(retrievers))
            .contentAggregator(new DistinctRankFuser(k))
            .executor(RETRIEVAL)
            .build();
    }

    /** Retrieval requests of all asks share a bounded pool; beyond it they run on the asking thread. */
    private static final Executor RETRIEVAL = new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64),
        r -> {
            Thread t = new Thread(r, "ask-retrieval");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());

    public AskResponse ask(String questionText, String conversationId, String province, String lang) {
        return ask(questionText, conversationId, province, lang, token -> { });
    }

    /**
     * As {@link #ask(String, String, String, String)}; an answerer that writes as it goes (a streaming LLM) passes
     * each token to {@code onToken}; the returned answer is the rendered one, whatever was streamed.
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
        Question asked = analyzer.analyze(questionText);
        List<String> forced = province == null || province.isBlank() ? List.of() : Provinces.resolve("province", List.of(province));
        // The answer's language: the request's, else the question's; a follow-up too short to tell keeps the conversation's.
        String answerLang = lang != null && !lang.isBlank() ? lang
            : previous != null && asked.isFollowUp() ? previous.lang() : asked.lang();
        Question q = asked.withContext(previous).withProvinces(forced).inLanguage(answerLang);
        synchronized (conversations) {
            conversations.put(conversation, q);
        }
        UserMessage message = UserMessage.from(q.text());
        // A ranking or trend is read from the facts index by the answerer; passages would only be fetched to be dropped.
        boolean fromFacts = q.metric() != null && (q.type() == Question.AnswerType.RANK || q.type() == Question.AnswerType.TREND);
        List<Content> contents = fromFacts ? List.of()
            : augmentor.augment(new AugmentationRequest(message, QuestionMetadata.of(message, conversation, q))).contents();
        Answer answer = answerer.answer(q, Retrieved.of(contents), onToken);
        AnswerText.Rendered rendered = AnswerText.render(answer);
        String answered = province(rendered.citations(), q);
        return new AskResponse(rendered.text(), answerLang, answered, AskResponse.today(answered), rendered.figures(),
            rendered.citations(), conversation, (System.nanoTime() - start) / 1_000_000);
    }

    private static String province(List<AskResponse.Citation> citations, Question q) {
        if (!citations.isEmpty() && citations.get(0).province() != null) {
            return citations.get(0).province();
        }
        return q.provinces().isEmpty() ? null : q.provinces().get(0);
    }
}
