# Defaults that payara/run.sh and the container's entrypoint (payara/docker/entrypoint.sh) both set, so that the
# server runs the same way wherever it starts. Sourced; each keeps a value the environment already has.
# DeploymentFilesTest checks that the two scripts, compose.yaml and the Kubernetes manifests stay in step.

# Payara reads the pool's size while it deploys, from the environment or a system property only (not
# from the WAR's defaults); unset, it falls back to the same 32 with a warning.
export FLUXBASE_DB_POOL_MAX=${FLUXBASE_DB_POOL_MAX:-32}
# The weather assistant's API key goes to OpenWeatherMap as its appid parameter, from the secret setting
# openweathermap.api_key (README: The example chatbots).
export FLUXBASE_HTTP_SECRETS=${FLUXBASE_HTTP_SECRETS:-'[{"chatbot":"weather-assistant","domain":"api.openweathermap.org","query":{"appid":"{{system:openweathermap.api_key}}"}}]'}

# Payara's data grid (Hazelcast) is off unless asked for: every state instances share is in PostgreSQL.
# FLUXBASE_CLUSTER_MEMBERS (host:port,host:port; Payara takes no port ranges) joins the listed members;
# FLUXBASE_CLUSTER_KUBERNETES (namespace,service) finds them through a Kubernetes headless service.
fb_cluster_args() {
    FB_CLUSTER_ARGS=(--nocluster)
    if [ -n "${FLUXBASE_CLUSTER_KUBERNETES:-}" ]; then
        FB_CLUSTER_ARGS=(--clusterMode "kubernetes:$FLUXBASE_CLUSTER_KUBERNETES" --clusterName "${FLUXBASE_CLUSTER_NAME:-fluxbase}")
    elif [ -n "${FLUXBASE_CLUSTER_MEMBERS:-}" ]; then
        FB_CLUSTER_ARGS=(--clusterMode "tcpip:$FLUXBASE_CLUSTER_MEMBERS" --clusterName "${FLUXBASE_CLUSTER_NAME:-fluxbase}"
            --startPort "${FLUXBASE_CLUSTER_PORT:-6900}")
    fi
    if [ "${FB_CLUSTER_ARGS[0]}" != --nocluster ] && [ -n "${FLUXBASE_CLUSTER_INTERFACES:-}" ]; then
        FB_CLUSTER_ARGS+=(--interfaces "$FLUXBASE_CLUSTER_INTERFACES")
    fi
}
