package dev.fluxbase.ai.tools.sql.entity;

import dev.fluxbase.ai.platform.entity.CodedException;

/** A confirmation or cancellation of a write preview that was refused; nothing was written. */
public class WriteRefused extends CodedException {

    public WriteRefused(String code, String message) {
        super(code, message);
    }
}
