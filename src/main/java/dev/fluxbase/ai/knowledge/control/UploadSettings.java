package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured {@link UploadLimits}. */
@ApplicationScoped
public class UploadSettings {

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.upload.max-bytes", defaultValue = "52428800")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.upload.max-text-chars", defaultValue = "5000000")
    int maxTextChars;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.upload.max-unpacked-bytes", defaultValue = "209715200")
    long maxUnpackedBytes;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.upload.max-inflate-ratio", defaultValue = "100")
    int maxInflateRatio;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.upload.max-pdf-pages", defaultValue = "5000")
    int maxPdfPages;

    public UploadLimits limits() {
        return new UploadLimits(maxBytes, maxTextChars, maxUnpackedBytes, maxInflateRatio, maxPdfPages);
    }
}
