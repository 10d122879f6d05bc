package portalkb.ask;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import portalkb.extract.Figure;
import portalkb.extract.FigureExtractor;
import portalkb.extract.MetricCatalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline answerer, a LangChain4j {@link ChatModel} that reads the same prompt an LLM gets: the
 * question and the numbered passages. It re-extracts the figures from the passages, keeps those that
 * fit the question (metric, number, province, year), and writes a short answer in the question's
 * language where every figure carries the number of the passage it came from. Passages are only ever
 * read for figures, so text in them cannot instruct it. When nothing fits it says so.
 */
public final class ExtractiveChatModel implements ChatModel {

    record Candidate(Figure figure, PromptPassage passage, double score) {
        String province() {
            return passage.province();
        }
    }

    private final QuestionAnalyzer analyzer;
    private final FigureExtractor extractor = new FigureExtractor();

    public ExtractiveChatModel(QuestionAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = "";
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u) {
                prompt = u.singleText();
            }
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(answer(prompt))).build();
    }

    String answer(String prompt) {
        Question q = analyzer.analyze(PromptPassage.question(prompt));
        List<Candidate> candidates = candidates(q, PromptPassage.all(prompt));
        // The prompt says which language to answer in (the question's, or the conversation's for a short follow-up).
        Phrases say = new Phrases(prompt.contains("Answer in Vietnamese") ? "vi" : prompt.contains("Answer in English") ? "en" : q.lang());
        if (candidates.isEmpty()) {
            return say.noAnswer();
        }
        return switch (q.intent()) {
            case WHICH_PROVINCE -> which(q, candidates, say);
            case COMPARE -> compare(q, candidates, say);
            case LIST -> list(q, candidates, say);
            case VALUE -> value(q, candidates, say);
        };
    }

    private List<Candidate> candidates(Question q, List<PromptPassage> passages) {
        List<Candidate> out = new ArrayList<>();
        for (PromptPassage p : passages) {
            for (Figure f : extractor.extract(p.text(), p.year())) {
                boolean metricFits = q.metrics().contains(f.metric());
                boolean numberFits = q.numbers().stream().anyMatch(n -> n.matches(f.value(), f.unit()));
                // A named metric must match; without one, the number must.
                if (!q.metrics().isEmpty() && !metricFits || q.metrics().isEmpty() && !numberFits) {
                    continue;
                }
                if (!q.numbers().isEmpty() && q.intent() == Question.Intent.WHICH_PROVINCE && !numberFits) {
                    continue;
                }
                if (q.metric() == null && "other".equals(f.metric()) && f.unit() == null) {
                    continue;
                }
                double score = (metricFits ? 4 - q.metrics().indexOf(f.metric()) * 0.5 : 0) + (numberFits ? 6 : 0) + 1.0 / p.n();
                if (!q.provinces().isEmpty()) {
                    score += q.provinces().contains(p.province()) ? 3 : -3;
                }
                if (!q.years().isEmpty() && f.year() != null) {
                    score += q.years().contains(f.year()) ? 2 : -2;
                }
                if (q.threshold() != null && (q.above() ? f.value() <= q.threshold() : f.value() >= q.threshold())) {
                    continue;
                }
                out.add(new Candidate(f, p, score));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out;
    }

    private String which(Question q, List<Candidate> candidates, Phrases say) {
        Candidate best = candidates.get(0);
        List<String> lines = new ArrayList<>();
        lines.add(say.fact(best, true));
        // Other provinces with the same value are part of the answer too.
        for (Candidate c : candidates.subList(1, candidates.size())) {
            if (c.province() != null && !c.province().equals(best.province()) && c.score() >= best.score() - 0.5
                && Math.abs(c.figure().value() - best.figure().value()) < 0.051 && lines.size() < 4) {
                lines.add(say.fact(c, true));
            }
        }
        return String.join("\n", lines);
    }

    private String value(Question q, List<Candidate> candidates, Phrases say) {
        Candidate best = candidates.get(0);
        if (!q.provinces().isEmpty() && !q.provinces().contains(best.province())) {
            return say.noAnswerFor(String.join(", ", q.provinces()));
        }
        return say.fact(best, false);
    }

    private String compare(Question q, List<Candidate> candidates, Phrases say) {
        Map<String, Candidate> perProvince = bestPerProvince(q, candidates);
        List<String> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String province : q.provinces()) {
            Candidate c = perProvince.get(province);
            if (c == null) {
                missing.add(province);
            } else {
                lines.add("- " + say.fact(c, false));
            }
        }
        if (lines.isEmpty()) {
            return say.noAnswer();
        }
        if (!missing.isEmpty()) {
            lines.add(say.noAnswerFor(String.join(", ", missing)));
        }
        return String.join("\n", lines);
    }

    private String list(Question q, List<Candidate> candidates, Phrases say) {
        Map<String, Candidate> perProvince = bestPerProvince(q, candidates);
        List<Candidate> sorted = new ArrayList<>(perProvince.values());
        sorted.sort(Comparator.comparingDouble((Candidate c) -> c.figure().value()).reversed());
        List<String> lines = new ArrayList<>();
        for (Candidate c : sorted.subList(0, Math.min(8, sorted.size()))) {
            lines.add("- " + say.fact(c, true));
        }
        return String.join("\n", lines);
    }

    /** The best-scoring, then most recent figure for each province. */
    private static Map<String, Candidate> bestPerProvince(Question q, List<Candidate> candidates) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.province() == null || !q.provinces().isEmpty() && !q.provinces().contains(c.province())) {
                continue;
            }
            Candidate held = out.get(c.province());
            if (held == null || c.score() > held.score() + 0.5
                || Math.abs(c.score() - held.score()) <= 0.5 && year(c) > year(held)) {
                out.put(c.province(), c);
            }
        }
        return out;
    }

    private static int year(Candidate c) {
        return c.figure().year() == null ? 0 : c.figure().year();
    }

    /** The sentences the answerer writes, in English or Vietnamese. */
    record Phrases(String lang) {
        boolean vi() {
            return "vi".equals(lang);
        }

        String noAnswer() {
            return vi() ? "Cơ sở tri thức chưa có thông tin trả lời câu hỏi này."
                : "The knowledge base has no answer to this question.";
        }

        String noAnswerFor(String provinces) {
            return vi() ? "Cơ sở tri thức chưa có số liệu này cho " + provinces + "."
                : "The knowledge base has no such figure for " + provinces + ".";
        }

        String fact(Candidate c, boolean provinceFirst) {
            Figure f = c.figure();
            String metric = MetricCatalogue.get().byId(f.metric())
                .map(m -> vi() ? m.vi() : m.name()).orElse(vi() ? "Số liệu" : "Figure");
            String value = f.raw() == null ? VietnameseQueryTransformer.vietnameseNumber(f.value()) : f.raw();
            String source = c.passage().header().getOrDefault("source", "");
            String when = (f.year() == null ? "" : (vi() ? "năm " : "") + f.year() + ", ") + source;
            String province = c.province() == null ? (vi() ? "Không rõ tỉnh" : "Unknown province") : c.province();
            String cite = " [" + c.passage().n() + "]";
            if (provinceFirst) {
                return province + " — " + metric + (vi() ? ": " : ": ") + value + " (" + when + ")" + cite;
            }
            return (vi() ? metric + " của " + province + ": " + value : province + ": " + metric.toLowerCase() + " " + value)
                + " (" + when + ")" + cite;
        }
    }
}
