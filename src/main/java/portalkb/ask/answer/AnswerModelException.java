package portalkb.ask.answer;

/** The configured answer model (an LLM endpoint) failed or timed out; retrieval itself worked. */
public final class AnswerModelException extends RuntimeException {

    public AnswerModelException(String model, Throwable cause) {
        super("the answer model (" + model + ") did not answer; try again later or ask an operator (the server log has details)", cause);
    }
}
