package portalkb.ask;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import portalkb.config.AppConfig;
import portalkb.config.ConfigException;

import java.time.Duration;

/**
 * The answerer named by {@code ask.model}: "extractive" (offline, default), "openai" (any
 * OpenAI-compatible endpoint) or "ollama" (through Ollama's OpenAI-compatible /v1 API).
 */
public final class AnswerModels {

    private AnswerModels() {
    }

    public static ChatModel create(AppConfig.Ask ask, QuestionAnalyzer analyzer) {
        return switch (ask.model()) {
            case "extractive" -> new ExtractiveChatModel(analyzer);
            case "openai" -> {
                if (ask.openai().apiKey() == null || ask.openai().apiKey().isBlank()) {
                    throw new ConfigException("ask.model is openai but no API key is set (OPENAI_API_KEY or ask.openai.apiKey)");
                }
                yield OpenAiChatModel.builder().baseUrl(ask.openai().baseUrl()).apiKey(ask.openai().apiKey())
                    .modelName(ask.openai().model()).temperature(0.0).timeout(Duration.ofSeconds(60)).build();
            }
            case "ollama" -> OpenAiChatModel.builder().baseUrl(ollamaUrl(ask))
                .apiKey("ollama").modelName(ask.ollama().model()).temperature(0.0).timeout(Duration.ofSeconds(120)).build();
            default -> throw new ConfigException("ask.model: '" + ask.model() + "' is not one of extractive, openai, ollama");
        };
    }

    /** The same endpoint streaming token by token for /api/ask/stream; null for the extractive answerer, whose answer is whole at once. */
    public static StreamingChatModel createStreaming(AppConfig.Ask ask) {
        return switch (ask.model()) {
            case "openai" -> OpenAiStreamingChatModel.builder().baseUrl(ask.openai().baseUrl()).apiKey(ask.openai().apiKey())
                .modelName(ask.openai().model()).temperature(0.0).timeout(Duration.ofSeconds(60)).build();
            case "ollama" -> OpenAiStreamingChatModel.builder().baseUrl(ollamaUrl(ask))
                .apiKey("ollama").modelName(ask.ollama().model()).temperature(0.0).timeout(Duration.ofSeconds(120)).build();
            default -> null;
        };
    }

    private static String ollamaUrl(AppConfig.Ask ask) {
        return ask.ollama().baseUrl().replaceAll("/+$", "") + "/v1";
    }
}
