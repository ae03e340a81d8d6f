// Provider administration: create, edit (API keys and Entra ID client secrets stay masked: leaving the field empty
// keeps the stored one), set the default.
import {api, describe, get} from '../api.js';
import {alertBox, field, h, replace, toast} from '../dom.js';

const MASK = '***masked***';
const TYPES = ['openai', 'azure', 'ollama', 'anthropic', 'gemini'];
const CONFIG_FIELDS = [
    {key: 'model', label: 'Model', types: TYPES},
    {key: 'base_url', label: 'Base URL', types: ['openai', 'anthropic', 'gemini'],
        hint: 'Empty for the vendor\'s own API (api.openai.com, api.anthropic.com, generativelanguage.googleapis.com)'},
    {key: 'organization_id', label: 'Organization', types: ['openai']},
    {key: 'endpoint', label: 'Endpoint', types: ['azure', 'ollama']},
    {key: 'deployment_name', label: 'Deployment', types: ['azure']},
    {key: 'api_version', label: 'API version', types: ['azure', 'anthropic']},
    {key: 'num_ctx', label: 'Context window (num_ctx)', types: ['ollama'], hint: 'Tokens; empty for 8192'},
    {key: 'tenant_id', label: 'Entra ID tenant', types: ['azure'], hint: 'With client and secret: sign in with Entra ID instead of the API key'},
    {key: 'client_id', label: 'Entra ID client', types: ['azure']},
    {key: 'client_secret', label: 'Entra ID client secret', types: ['azure'], secret: true},
    {key: 'authority_host', label: 'Entra ID authority', types: ['azure'], hint: 'Empty for https://login.microsoftonline.com'},
];

export function providersView(main) {
    const listArea = h('div', {'aria-live': 'polite'});
    const formArea = h('div');
    const create = h('button', {type: 'button', onclick: () => edit(null)}, 'New provider');
    replace(main, h('h1', {}, 'Providers'), h('div', {class: 'actions'}, create), formArea, listArea);

    async function load() {
        try {
            const list = await get('/admin/ai/providers');
            replace(listArea, list.providers.length ? table(list.providers) : h('p', {}, 'No providers yet.'));
        } catch (error) {
            replace(listArea, alertBox(describe(error)));
        }
    }

    function table(providers) {
        return h('div', {class: 'table-scroll'}, h('table', {class: 'data providers'},
            h('caption', {}, `${providers.length} provider(s)`),
            h('thead', {}, h('tr', {}, ['Name', 'Type', 'Model', 'API key', 'Default', 'Enabled', ''].map(t => h('th', {scope: 'col'}, t)))),
            h('tbody', {}, providers.map(p => h('tr', {'data-provider': p.name},
                h('th', {scope: 'row'}, p.display_name || p.name, p.from_config ? h('span', {class: 'badge'}, 'configuration') : null),
                h('td', {}, p.provider_type),
                h('td', {}, p.config.model || ''),
                h('td', {}, h('code', {}, p.config.api_key || '—')),
                h('td', {}, p.is_default ? h('strong', {}, 'Default')
                    : h('button', {type: 'button', class: 'secondary', 'aria-label': `Make ${p.name} the default`,
                        onclick: () => makeDefault(p)}, 'Set default')),
                h('td', {}, p.enabled ? 'Yes' : 'No'),
                h('td', {}, p.read_only ? h('span', {class: 'muted'}, 'read-only')
                    : h('button', {type: 'button', class: 'secondary', 'aria-label': `Edit ${p.name}`, onclick: () => edit(p)}, 'Edit')))))));
    }

    async function makeDefault(provider) {
        try {
            await api('PUT', `/admin/ai/providers/${encodeURIComponent(provider.id)}/default`);
            toast(`${provider.name} is now the default provider.`);
            load();
        } catch (error) {
            toast(describe(error));
        }
    }

    /** The create form (provider null) or the edit form of a stored provider. */
    function edit(provider) {
        const creating = !provider;
        const name = h('input', {type: 'text', name: 'name', required: true, pattern: '[A-Za-z0-9_.-]+', value: provider?.name || ''});
        const displayName = h('input', {type: 'text', name: 'display_name', value: provider?.display_name || ''});
        const type = h('select', {name: 'provider_type', disabled: !creating},
            TYPES.map(t => h('option', {value: t, selected: provider?.provider_type === t}, t)));
        const apiKey = h('input', {type: 'password', name: 'api_key', autocomplete: 'new-password',
            placeholder: provider?.config.api_key === MASK ? 'stored (masked): leave empty to keep it' : ''});
        const removeKey = h('input', {type: 'checkbox', name: 'remove_key', id: 'remove-key'});
        const isDefault = h('input', {type: 'checkbox', name: 'is_default', id: 'is-default'});
        const enabled = h('input', {type: 'checkbox', name: 'enabled', id: 'enabled', checked: provider ? provider.enabled : true});
        const configInputs = CONFIG_FIELDS.map(spec => ({spec, ...field(spec.label, spec.secret
            ? h('input', {type: 'password', name: spec.key, autocomplete: 'new-password',
                placeholder: provider?.config[spec.key] === MASK ? 'stored (masked): leave empty to keep it' : ''})
            : h('input', {type: 'text', name: spec.key, value: provider?.config[spec.key] || ''}), spec.hint)}));
        const keyRow = field('API key', apiKey, creating ? 'Stored encrypted, never shown again' : 'Shown only as ***masked***');
        const error = h('div');
        const showFields = () => {
            configInputs.forEach(({spec, row}) => { row.hidden = !spec.types.includes(type.value); });
            keyRow.row.hidden = type.value === 'ollama';
        };
        type.addEventListener('change', showFields);
        const form = h('form', {class: 'card provider-form', 'aria-labelledby': 'provider-form-title'},
            h('h2', {id: 'provider-form-title'}, creating ? 'New provider' : `Edit ${provider.name}`),
            creating ? field('Name', name, 'Letters, digits, dot, dash, underscore').row : null,
            field('Display name', displayName).row,
            field('Type', type).row,
            configInputs.map(c => c.row),
            keyRow.row,
            creating ? null : h('div', {class: 'field checkbox'}, removeKey, h('label', {for: 'remove-key'}, 'Remove the stored API key')),
            creating ? h('div', {class: 'field checkbox'}, isDefault, h('label', {for: 'is-default'}, 'Make it the default')) : null,
            h('div', {class: 'field checkbox'}, enabled, h('label', {for: 'enabled'}, 'Enabled')),
            error,
            h('div', {class: 'actions'}, h('button', {type: 'submit'}, creating ? 'Create' : 'Save'),
                h('button', {type: 'button', class: 'secondary', onclick: () => replace(formArea)}, 'Close')));
        showFields();
        form.addEventListener('submit', async event => {
            event.preventDefault();
            const config = {};
            configInputs.filter(c => !c.row.hidden).forEach(({spec, input}) => {
                const value = input.value.trim();
                const before = provider?.config[spec.key] || '';
                if (spec.secret ? value : creating ? value : value !== before) {
                    config[spec.key] = value;
                }
            });
            if (!keyRow.row.hidden && apiKey.value) {
                config.api_key = apiKey.value;
            } else if (!creating && removeKey.checked) {
                config.api_key = '';
            }
            const body = {display_name: displayName.value.trim() || null, enabled: enabled.checked, config};
            try {
                if (creating) {
                    await api('POST', '/admin/ai/providers', {...body, name: name.value.trim(), provider_type: type.value,
                        is_default: isDefault.checked});
                    toast(`Provider ${name.value.trim()} created.`);
                } else {
                    await api('PUT', `/admin/ai/providers/${encodeURIComponent(provider.id)}`, body);
                    toast(`Provider ${provider.name} saved.`);
                }
                replace(formArea);
                load();
            } catch (e) {
                replace(error, alertBox(describe(e)));
            }
        });
        replace(formArea, form);
        (creating ? name : displayName).focus();
    }

    load();
}
