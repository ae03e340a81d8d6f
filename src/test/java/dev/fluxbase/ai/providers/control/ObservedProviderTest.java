package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.observability.control.HistogramRecorderFixture;
import dev.fluxbase.ai.platform.control.Meters;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.Test;

/** Every provider request is a GenAI {@code chat} span and a point of the GenAI client metrics. */
class ObservedProviderTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final HistogramRecorderFixture histograms = new HistogramRecorderFixture();
    private final ProviderMetrics metrics = new ProviderMetrics();
    private final CompletionRequest request = new CompletionRequest(List.of(ChatMessage.user("hi")), List.of(), 512, new BigDecimal("0.2"));

    ObservedProviderTest() {
        metrics.histograms = histograms.recorder();
        metrics.meters = new Meters() {
            @Override
            public Counter counter(String name, String description, String... tags) {
                return new Counter() {
                    @Override
                    public void inc() {
                    }

                    @Override
                    public void inc(long n) {
                    }

                    @Override
                    public long getCount() {
                        return 0;
                    }
                };
            }
        };
        metrics.spans = new ProviderSpans(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build().get("test"));
    }

    private ChatProvider provider(Function<StreamListener, CompletionResult> answer) {
        return metrics.observed(new ChatProvider() {
            @Override
            public String name() {
                return "main";
            }

            @Override
            public String model() {
                return "gpt-4o-mini";
            }

            @Override
            public ProviderType type() {
                return ProviderType.AZURE;
            }

            @Override
            public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
                return answer.apply(listener);
            }
        });
    }

    @Test
    void anAnsweredRequestIsAChatSpanWithWhatWasAskedAndWhatAnswered() {
        provider(listener -> {
            listener.onContent("Hel");
            listener.onContent("lo");
            return new CompletionResult("Hello", List.of(), new TokenUsage(120, 15), "stop", "chatcmpl-1", "gpt-4o-mini-2024-07-18");
        }).stream(request, delta -> { }, new CancelSignal());

        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap().toString()).contains("gen_ai.operation.name=chat", "gen_ai.provider.name=azure.ai.openai",
                "gen_ai.request.model=gpt-4o-mini", "gen_ai.request.max_tokens=512", "gen_ai.request.temperature=0.2",
                "gen_ai.response.model=gpt-4o-mini-2024-07-18", "gen_ai.response.id=chatcmpl-1", "gen_ai.response.finish_reasons=[stop]",
                "gen_ai.usage.input_tokens=120", "gen_ai.usage.output_tokens=15", "fluxbase.provider.name=main");

        MetricData tokens = histograms.metric("gen_ai.client.token.usage");
        assertThat(tokens.getHistogramData().getPoints()).extracting(p -> p.getAttributes().asMap().toString() + " " + p.getSum())
                .anySatisfy(p -> assertThat(p).contains("gen_ai.token.type=input").endsWith(" 120.0"))
                .anySatisfy(p -> assertThat(p).contains("gen_ai.token.type=output").endsWith(" 15.0"));
        assertThat(histograms.metric("gen_ai.client.operation.duration").getHistogramData().getPoints()).singleElement()
                .satisfies(p -> assertThat(p.getAttributes().asMap().toString()).doesNotContain("error.type"));
        assertThat(histograms.metric("gen_ai.client.operation.time_to_first_chunk").getHistogramData().getPoints()).singleElement()
                .satisfies(p -> assertThat(p.getCount()).isEqualTo(1));
    }

    @Test
    void aFailedRequestCarriesItsErrorTypeAndACancelledOneIsNoError() {
        ChatProvider failing = provider(listener -> {
            throw new ProviderException("PROVIDER_AUTH_FAILED", "Provider authentication failed");
        });
        assertThatThrownBy(() -> failing.stream(request, delta -> { }, new CancelSignal())).isInstanceOf(ProviderException.class);
        ChatProvider cancelled = provider(listener -> {
            throw new TurnCancelled();
        });
        assertThatThrownBy(() -> cancelled.stream(request, delta -> { }, new CancelSignal())).isInstanceOf(TurnCancelled.class);

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(finished.get(0).getAttributes().asMap().toString()).contains("error.type=PROVIDER_AUTH_FAILED");
        assertThat(finished.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(finished.get(1).getAttributes().asMap().toString()).contains("error.type=cancelled");
        assertThat(histograms.metric("gen_ai.client.operation.duration").getHistogramData().getPoints())
                .extracting(p -> p.getAttributes().asMap().toString())
                .anySatisfy(a -> assertThat(a).contains("error.type=PROVIDER_AUTH_FAILED"))
                .anySatisfy(a -> assertThat(a).contains("error.type=cancelled"));
    }
}
