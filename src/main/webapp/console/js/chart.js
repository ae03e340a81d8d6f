// A stacked bar chart in inline SVG: one bar per day, one colour per series. Colours come from CSS classes
// (series-0 ... series-7), so the chart needs no inline styles.
import {h, svg} from './dom.js';

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = {top: 16, right: 12, bottom: 44, left: 56};
export const SERIES_COLOURS = 8;

/**
 * @param days    ['2026-03-01', ...]
 * @param series  [{name, values: {day: number}}]
 * @param label   what the numbers are, for the accessible description
 */
export function stackedBarChart(days, series, label) {
    const totals = days.map(day => series.reduce((sum, s) => sum + (s.values[day] || 0), 0));
    const max = niceMax(Math.max(0, ...totals));
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const step = plotWidth / Math.max(1, days.length);
    const barWidth = Math.max(2, step * 0.7);
    const y = value => MARGIN.top + plotHeight - (max ? value / max * plotHeight : 0);
    const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => Math.round(max * f));
    const labelEvery = Math.ceil(days.length / 10);

    const grid = ticks.map(tick => svg('g', {class: 'tick'},
        svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick)}),
        svg('text', {x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end'}, formatNumber(tick))));
    const bars = days.map((day, index) => {
        const x = MARGIN.left + index * step + (step - barWidth) / 2;
        let base = 0;
        const segments = series.map((s, seriesIndex) => {
            const value = s.values[day] || 0;
            if (!value) {
                return null;
            }
            const rect = svg('rect', {class: `bar series-${seriesIndex % SERIES_COLOURS}`, x, width: barWidth,
                y: y(base + value), height: Math.max(1, y(base) - y(base + value))},
            svg('title', {}, `${day} · ${s.name}: ${formatNumber(value)}`));
            base += value;
            return rect;
        });
        const dayLabel = index % labelEvery === 0
            ? svg('text', {class: 'day', x: x + barWidth / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle'}, day.slice(5))
            : null;
        return svg('g', {}, segments, dayLabel);
    });
    const titleId = 'chart-title-' + Math.random().toString(36).slice(2);
    const chart = svg('svg', {class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': titleId,
        preserveAspectRatio: 'xMidYMid meet'},
    svg('title', {id: titleId}, `${label} per day and chatbot, ${days[0]} to ${days[days.length - 1]}; total ${formatNumber(totals.reduce((a, b) => a + b, 0))}`),
    grid,
    svg('line', {class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0)}),
    bars,
    svg('text', {class: 'axis-label', x: MARGIN.left + plotWidth / 2, y: HEIGHT - 6, 'text-anchor': 'middle'}, 'Day (UTC)'));
    const legend = h('ul', {class: 'legend', 'aria-label': 'Chatbots'}, series.map((s, index) => h('li', {},
        svg('svg', {width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true'},
            svg('rect', {class: `series-${index % SERIES_COLOURS}`, width: 12, height: 12, rx: 2})),
        ` ${s.name}`)));
    return h('figure', {class: 'chart-figure'}, chart, legend);
}

/** 0, or the next round number at or above max (1, 2, 5 times a power of ten). */
export function niceMax(max) {
    if (max <= 0) {
        return 0;
    }
    const power = 10 ** Math.floor(Math.log10(max));
    return [1, 2, 5, 10].map(f => f * power).find(candidate => candidate >= max);
}

export function formatNumber(value) {
    return Number(value).toLocaleString('en');
}
