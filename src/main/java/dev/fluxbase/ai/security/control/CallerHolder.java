package dev.fluxbase.ai.security.control;

import dev.fluxbase.ai.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current HTTP request, set once by the authentication filter; anonymous until then. */
@RequestScoped
public class CallerHolder {

    private Caller caller = Caller.anonymous();

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller == null ? Caller.anonymous() : caller;
    }
}
