// A chatbot's row-level security checks in its detail card: each check with its latest result per user, run them,
// add one (from a recorded question's SQL or written by hand), delete one.
import {api, describe, get} from '../api.js';
import {alertBox, field, formatTime, h, replace, toast} from '../dom.js';

const EXPECTATIONS = [
    ['own_rows', 'Each user sees only rows they own'],
    ['no_rows', 'The users see no rows at all'],
    ['not_owned_by', 'The users never see rows of the listed owners'],
];

/** The chatbot list's column: what its checks say at a glance. */
export function checksBadge(summary) {
    if (!summary || summary.total === 0) {
        return h('span', {class: 'muted'}, 'none');
    }
    if (summary.failed > 0) {
        return h('span', {class: 'badge failed'}, `${summary.failed} failing`);
    }
    if (summary.error > 0) {
        return h('span', {class: 'badge error'}, `${summary.error} in error`);
    }
    if (summary.never_run === summary.total) {
        return h('span', {class: 'muted'}, `${summary.total} never run`);
    }
    return h('span', {class: 'badge passed'}, `${summary.passed}/${summary.total} passed`);
}

export function rlsChecksSection(bot, changed) {
    const base = `/admin/ai/chatbots/${bot.id}/rls-checks`;
    const list = h('div', {'aria-live': 'polite'});
    const runAll = h('button', {type: 'button'}, 'Run all checks');
    const section = h('section', {class: 'rls-checks', 'aria-labelledby': 'rls-title'},
        h('h3', {id: 'rls-title'}, 'Row-level security checks'),
        h('p', {class: 'muted'}, 'Each check runs a question\'s SQL as the listed users, under their role and row-level security, '
            + 'and compares whose rows they see.'),
        h('div', {class: 'actions'}, runAll), list, addForm());

    runAll.addEventListener('click', async () => {
        runAll.disabled = true;
        try {
            show(await api('POST', `${base}/run`));
            changed();
        } catch (error) {
            toast(describe(error));
        } finally {
            runAll.disabled = false;
        }
    });

    async function load() {
        try {
            show(await get(base));
        } catch (error) {
            replace(list, alertBox(describe(error)));
        }
    }

    function show(result) {
        replace(list, result.checks.length ? h('ul', {class: 'checks'}, result.checks.map(item)) : h('p', {}, 'No checks yet.'));
    }

    function item(check) {
        const last = check.last_run;
        const status = last ? last.status : 'never run';
        const remove = h('button', {type: 'button', class: 'secondary', 'aria-label': `Delete check ${check.name}`}, 'Delete');
        remove.addEventListener('click', async () => {
            if (!confirm(`Delete the check "${check.name}"?`)) {
                return;
            }
            try {
                await api('DELETE', `${base}/${check.id}`);
                load();
                changed();
            } catch (error) {
                toast(describe(error));
            }
        });
        return h('li', {class: `check ${last ? last.status : 'never'}`, 'data-check': check.name},
            h('p', {}, h('strong', {}, check.name), ' ', h('span', {class: `badge ${last ? last.status : ''}`}, status),
                last ? h('span', {class: 'muted'}, ` ${formatTime(last.ran_at)}`) : null),
            check.question ? h('p', {class: 'muted'}, `Question: ${check.question}`) : null,
            h('pre', {class: 'code'}, h('code', {}, check.sql)),
            h('p', {class: 'muted'}, EXPECTATIONS.find(([key]) => key === check.expect)[1]
                + (check.owner_column ? ` (owner column ${check.owner_column})` : '')
                + (check.forbidden_owners.length ? `: ${check.forbidden_owners.join(', ')}` : '')),
            last ? h('ul', {class: 'outcomes'}, last.users.map(outcome)) : null,
            remove);
    }

    function outcome(user) {
        const what = user.error ? `could not run: ${user.error}`
            : `${user.rows} row(s), ${user.violations} not allowed`
              + (user.strangers.length ? ` (owners: ${user.strangers.map(s => s || 'none').join(', ')})` : '')
              + (user.truncated ? ', stopped at the row cap' : '');
        return h('li', {class: user.violations > 0 ? 'failed' : user.error ? 'error' : 'passed'}, `${user.user_id} as ${user.role}: ${what}`);
    }

    function addForm() {
        const name = h('input', {type: 'text', name: 'check-name', required: true, maxlength: 200});
        const recorded = h('select', {name: 'recorded'}, h('option', {value: ''}, 'Write the SQL below'));
        const question = h('input', {type: 'text', name: 'question', maxlength: 4000});
        const sql = h('textarea', {name: 'sql', rows: 3});
        const expect = h('select', {name: 'expect'}, EXPECTATIONS.map(([key, label]) => h('option', {value: key}, label)));
        const owner = h('input', {type: 'text', name: 'owner-column', value: 'user_id', maxlength: 63});
        const users = h('input', {type: 'text', name: 'users', required: true, placeholder: 'user ids, separated by commas'});
        const role = h('select', {name: 'role'}, ['authenticated', 'anon', 'service_role'].map(r => h('option', {value: r}, r)));
        const forbidden = h('input', {type: 'text', name: 'forbidden-owners', placeholder: 'for "never see rows of": owner ids'});
        const result = h('div', {'aria-live': 'polite'});
        const form = h('form', {class: 'add-check'}, h('h4', {}, 'Add a check'),
            field('Name', name).row,
            field('Recorded question', recorded, 'A query this chatbot ran: its SQL and question become the check\'s.').row,
            field('Question', question).row, field('SQL', sql, 'One SELECT this chatbot could run.').row,
            field('Expectation', expect).row, field('Owner column', owner, 'The result column that says whose a row is.').row,
            field('Users', users).row, field('Their role', role).row, field('Forbidden owners', forbidden).row,
            h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Add check')), result);

        get(`${base}/recorded?limit=50`).then(answer => answer.queries.forEach(q => recorded.append(
            h('option', {value: String(q.audit_id)}, `${q.question || '(no question)'} — ${q.sql.slice(0, 80)}`)))).catch(() => {});
        recorded.addEventListener('change', () => {
            sql.disabled = Boolean(recorded.value);
            question.disabled = Boolean(recorded.value);
        });

        form.addEventListener('submit', async event => {
            event.preventDefault();
            const body = {
                name: name.value.trim(),
                expect: expect.value,
                users: users.value.split(',').map(id => id.trim()).filter(Boolean).map(id => ({user_id: id, role: role.value})),
                forbidden_owners: forbidden.value.split(',').map(id => id.trim()).filter(Boolean),
            };
            if (expect.value !== 'no_rows') {
                body.owner_column = owner.value.trim();
            }
            if (recorded.value) {
                body.audit_id = Number(recorded.value);
            } else {
                body.sql = sql.value;
                body.question = question.value;
            }
            try {
                await api('POST', base, body);
                form.reset();
                replace(result);
                load();
                changed();
            } catch (error) {
                replace(result, alertBox(describe(error)));
            }
        });
        return form;
    }

    load();
    return section;
}
