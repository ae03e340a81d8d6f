// Usage per chatbot and day, from GET /admin/ai/usage: the chatbots of the period, then each one's days.
import {describe, get} from '../api.js';
import {alertBox, field, h, replace} from '../dom.js';
import {formatNumber, stackedBarChart} from '../chart.js';
import {sortableTable} from '../table.js';

const METRICS = {total_tokens: 'Tokens', requests: 'Requests', refused: 'Refused messages',
    prompt_tokens: 'Prompt tokens', completion_tokens: 'Completion tokens'};
const MOST_CHATBOTS = 8;

export function usageView(main) {
    const period = h('select', {name: 'days'}, [7, 14, 30, 90].map(d => h('option', {value: d, selected: d === 14}, `Last ${d} days`)));
    const metric = h('select', {name: 'metric'}, Object.entries(METRICS).map(([key, label]) => h('option', {value: key}, label)));
    const area = h('div', {class: 'usage-area', 'aria-live': 'polite'});
    const controls = h('form', {class: 'inline-form', 'aria-label': 'Usage period'},
        field('Period', period).row, field('Measure', metric).row);
    replace(main, h('h1', {}, 'Usage'), controls, area);
    let data = null;

    period.addEventListener('change', load);
    metric.addEventListener('change', draw);
    controls.addEventListener('submit', event => event.preventDefault());

    async function load() {
        const days = lastDays(Number(period.value));
        const range = `from=${days[0]}&to=${days[days.length - 1]}`;
        replace(area, h('p', {}, 'Loading…'));
        try {
            const byChatbot = await get(`/admin/ai/usage?group_by=chatbot&${range}`);
            const chatbots = [...byChatbot.groups].sort((a, b) => b.total_tokens - a.total_tokens || b.requests - a.requests)
                .slice(0, MOST_CHATBOTS);
            const perDay = await Promise.all(chatbots.filter(c => c.chatbot_id).map(c =>
                get(`/admin/ai/usage?group_by=day&chatbot_id=${encodeURIComponent(c.chatbot_id)}&${range}`)
                    .then(answer => ({name: c.chatbot || c.chatbot_id, groups: answer.groups}))));
            data = {days, totals: byChatbot.totals, chatbots: byChatbot.groups, perDay};
            draw();
        } catch (error) {
            replace(area, alertBox(describe(error)));
        }
    }

    function draw() {
        if (!data) {
            return;
        }
        const key = metric.value;
        const series = data.perDay.map(s => ({name: s.name, values: Object.fromEntries(s.groups.map(g => [g.day, g[key]]))}));
        const totals = data.totals;
        replace(area,
            h('ul', {class: 'totals', 'aria-label': 'Totals of the period'},
                Object.entries(METRICS).map(([k, label]) => h('li', {}, h('span', {class: 'value'}, formatNumber(totals[k])), h('span', {}, label)))),
            series.length ? stackedBarChart(data.days, series, METRICS[key]) : h('p', {}, 'No chatbot was used in this period.'),
            data.chatbots.length ? h('details', {class: 'data-table'}, h('summary', {}, 'Per chatbot'),
                sortableTable(data.chatbots.map(c => ({chatbot: c.chatbot || c.chatbot_id, requests: c.requests, refused: c.refused,
                    prompt_tokens: c.prompt_tokens, completion_tokens: c.completion_tokens, total_tokens: c.total_tokens})),
                {caption: 'Usage per chatbot'})) : null);
    }

    load();
}

/** The last n UTC days, oldest first, as YYYY-MM-DD. */
function lastDays(n) {
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    return Array.from({length: n}, (_, i) => new Date(today - (n - 1 - i) * 86400000).toISOString().slice(0, 10));
}
