package portalkb.ask.retrieve;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ContentAggregator;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.langchain4j.rag.query.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion over every query × retriever list, one copy of each passage or fact, top k; the best
 * of each list is kept first, so a query that alone finds its article (an English article for a Vietnamese
 * question) is not outvoted by lists that agree with each other.
 */
public final class DistinctRankFuser implements ContentAggregator {

    private final int k;

    public DistinctRankFuser(int k) {
        this.k = k;
    }

    @Override
    public List<Content> aggregate(Map<Query, Collection<List<Content>>> byQuery) {
        List<List<Content>> lists = new ArrayList<>();
        byQuery.values().forEach(lists::addAll);
        List<Content> fused = ReciprocalRankFuser.fuse(lists);
        Set<String> leaders = new HashSet<>();
        lists.stream().filter(l -> !l.isEmpty()).forEach(l -> leaders.add(key(l.get(0))));
        Map<String, Content> distinct = new LinkedHashMap<>();
        for (Content c : fused) {
            if (leaders.contains(key(c))) {
                distinct.putIfAbsent(key(c), c);
            }
        }
        for (Content c : fused) {
            distinct.putIfAbsent(key(c), c);
        }
        return new ArrayList<>(distinct.values()).subList(0, Math.min(k, distinct.size()));
    }

    private static String key(Content c) {
        return c instanceof Retrieved r ? r.key() : c.textSegment().text();
    }
}
