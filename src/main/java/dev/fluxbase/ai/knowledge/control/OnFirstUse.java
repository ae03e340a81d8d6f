package dev.fluxbase.ai.knowledge.control;

import java.util.function.Supplier;

/** A costly value made on first use, once, however many threads ask for it at the same time. */
final class OnFirstUse<T> {

    private final Supplier<T> maker;
    private volatile T value;

    OnFirstUse(Supplier<T> maker) {
        this.maker = maker;
    }

    T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    value = current = maker.get();
                }
            }
        }
        return current;
    }

    /** The value if it was made, else null. */
    T made() {
        return value;
    }
}
