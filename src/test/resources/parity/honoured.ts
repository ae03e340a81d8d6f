/**
 * Trip Planner
 *
 * Every annotation Fluxbase's parser knows and this server honours, in the value forms Fluxbase's own parser tests use.
 *
 * @fluxbase:allowed-tables   my_trips  ,  my_place_visits  ,  my_poi_summary
 * @fluxbase:allowed-operations SELECT,INSERT,UPDATE,DELETE
 * @fluxbase:allowed-schemas public,app
 * @fluxbase:http-allowed-domains api.example.com,data.example.org
 * @fluxbase:mcp-tools execute_sql,query_table,insert_record,update_record,delete_record,search_vectors,http_request,think,invoke_function
 * @fluxbase:max-tokens 8192
 * @fluxbase:temperature 0.5
 * @fluxbase:model gpt-4-turbo
 * @fluxbase:persist-conversations true
 * @fluxbase:conversation-ttl 1h30m
 * @fluxbase:max-turns 100
 * @fluxbase:rate-limit 30/min
 * @fluxbase:daily-limit 1000
 * @fluxbase:token-budget 500000/day
 * @fluxbase:allow-unauthenticated true
 * @fluxbase:public false
 * @fluxbase:version 3
 * @fluxbase:intent-rules [{"keywords":["restaurant","cafe"],"requiredTable":"my_place_visits","forbiddenTable":"my_trips"}]
 * @fluxbase:intent-rules [
 *   {"keywords": ["weather"], "requiredTool": "http_get", "forbiddenTool": "execute_sql"}
 * ]
 * @fluxbase:required-columns my_trips=id,title,image_url my_place_visits=poi_name,city
 * @fluxbase:required-columns my_poi_summary=category,count
 * @fluxbase:default-table my_place_visits
 * @fluxbase:knowledge-base docs-base,faq-base
 * @fluxbase:rag-max-chunks 10
 * @fluxbase:rag-similarity-threshold 0.8
 * @fluxbase:response-language Deutsch
 * @fluxbase:disable-execution-logs
 * @fluxbase:reasoning-mode react
 * @fluxbase:max-iterations 10
 * @fluxbase:show-reasoning true
 * @fluxbase:require-role planner
 * @fluxbase:required-settings openai.api_key,stripe.endpoint
 */

export default `You plan trips for {{user_id}}.`;
