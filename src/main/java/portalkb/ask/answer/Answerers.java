package portalkb.ask.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import portalkb.config.AppConfig;
import portalkb.config.ConfigException;

import java.time.Duration;

/**
 * The answerer named by {@code ask.model}: "extractive" (the offline {@link SentenceReader}, default),
 * "openai" (any OpenAI-compatible endpoint) or "ollama" (through Ollama's OpenAI-compatible /v1 API),
 * the last two given the reader's answer as a hint.
 */
public final class Answerers {

    private Answerers() {
    }

    public static Answerer create(AppConfig.Ask ask, SentenceReader reader) {
        return switch (ask.model()) {
            case "extractive" -> reader;
            case "openai" -> {
                if (ask.openai().apiKey() == null || ask.openai().apiKey().isBlank()) {
                    throw new ConfigException("ask.model is openai but no API key is set (OPENAI_API_KEY or ask.openai.apiKey)");
                }
                yield new LlmAnswerer(chat(ask), streaming(ask), ask.model(), reader);
            }
            case "ollama" -> new LlmAnswerer(chat(ask), streaming(ask), ask.model(), reader);
            default -> throw new ConfigException("ask.model: '" + ask.model() + "' is not one of extractive, openai, ollama");
        };
    }

    static ChatModel chat(AppConfig.Ask ask) {
        return ask.model().equals("ollama")
            ? OpenAiChatModel.builder().baseUrl(ollamaUrl(ask)).apiKey("ollama").modelName(ask.ollama().model()).temperature(0.0)
                .timeout(Duration.ofSeconds(120)).build()
            : OpenAiChatModel.builder().baseUrl(ask.openai().baseUrl()).apiKey(ask.openai().apiKey()).modelName(ask.openai().model())
                .temperature(0.0).timeout(Duration.ofSeconds(60)).build();
    }

    static StreamingChatModel streaming(AppConfig.Ask ask) {
        return ask.model().equals("ollama")
            ? OpenAiStreamingChatModel.builder().baseUrl(ollamaUrl(ask)).apiKey("ollama").modelName(ask.ollama().model())
                .temperature(0.0).timeout(Duration.ofSeconds(120)).build()
            : OpenAiStreamingChatModel.builder().baseUrl(ask.openai().baseUrl()).apiKey(ask.openai().apiKey())
                .modelName(ask.openai().model()).temperature(0.0).timeout(Duration.ofSeconds(60)).build();
    }

    private static String ollamaUrl(AppConfig.Ask ask) {
        return ask.ollama().baseUrl().replaceAll("/+$", "") + "/v1";
    }
}
