package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;

/** Turns the lines of one streamed response into listener calls and a result. One instance per response. */
interface StreamParser {

    /** What one line did: the first {@link #TOKEN} ends the wait for the first token. */
    enum Progress { MORE, TOKEN, FINISHED }

    /** Called for every line, and once more with an empty line at the end of the stream. */
    Progress accept(String line);

    /** The result once the stream said it is finished. */
    CompletionResult result();
}
