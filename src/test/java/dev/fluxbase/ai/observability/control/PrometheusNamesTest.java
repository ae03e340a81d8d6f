package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusNamesTest {

    @Test
    void secondsAddTheirUnitAndAnnotationsAddNothing() {
        assertThat(PrometheusNames.metric("gen_ai.client.operation.duration", "s")).isEqualTo("gen_ai_client_operation_duration_seconds");
        assertThat(PrometheusNames.metric("gen_ai.client.token.usage", "{token}")).isEqualTo("gen_ai_client_token_usage");
        assertThat(PrometheusNames.metric("fluxbase.sql.query.duration", "s")).isEqualTo("fluxbase_sql_query_duration_seconds");
        assertThat(PrometheusNames.metric("request.seconds", "s")).as("no unit twice").isEqualTo("request_seconds");
        assertThat(PrometheusNames.metric("payload.size", "By")).isEqualTo("payload_size_bytes");
    }

    @Test
    void attributesBecomeValidLabelNames() {
        assertThat(PrometheusNames.label("gen_ai.provider.name")).isEqualTo("gen_ai_provider_name");
        assertThat(PrometheusNames.label("error.type")).isEqualTo("error_type");
        assertThat(PrometheusNames.label("3d-view")).isEqualTo("_3d_view");
    }

    @Test
    void boundariesAreWrittenAsShortPlainDecimals() {
        assertThat(PrometheusNames.le(0.01)).isEqualTo("0.01");
        assertThat(PrometheusNames.le(1.28)).isEqualTo("1.28");
        assertThat(PrometheusNames.le(16384.0)).isEqualTo("16384");
        assertThat(PrometheusNames.le(67108864.0)).isEqualTo("67108864");
        assertThat(PrometheusNames.le(0.0025)).isEqualTo("0.0025");
    }
}
