import { expect } from '@open-wc/testing';
import { DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS, NECESSARY, readConfigForPageView, statementRevision } from './config.js';
import { validateConfig, type ConfigProblem } from './config-validation.js';

const categories = { necessary: {}, analytics: { cookies: ['_ga', '_ga_*'] } };
const problemsOf = (input: unknown): ConfigProblem[] => validateConfig(input).problems;
const paths = (input: unknown): string[] => problemsOf(input).map(([path]) => path);

describe("the config validator's rules", () => {
  it('accepts a complete, valid config without a problem', () => {
    const input = {
      categories: { necessary: { label: 'Nodig' }, analytics: { label: { nl: 'Statistiek', en: 'Statistics' }, services: { matomo: { cookies: ['_pk_*'] } } } },
      revision: 2,
      lifetimeDays: MAX_LIFETIME_DAYS,
      cookie: { name: '__Host-consent', sameSite: 'Strict' },
      privacyUrl: '/privacy',
      lang: 'nl-NL',
    };
    expect(problemsOf(input)).to.deep.equal([]);
    expect(validateConfig(input).config.usable).to.equal(true);
  });

  it('fails closed without a config object or categories', () => {
    expect(validateConfig(undefined)).to.deep.include({ problems: [['', 'config', undefined]] });
    expect(validateConfig([]).problems).to.deep.equal([['', 'object', []]]);
    expect(validateConfig([]).config.usable).to.equal(false);
    const { config, problems } = validateConfig({ privacyUrl: '/privacy' });
    expect(config.usable).to.equal(false);
    expect(problems).to.deep.equal([['categories', 'map']]);
  });

  it('reports an unknown key by its path, with the keys it could have meant', () => {
    const [problem] = problemsOf({ categories, colour: 'red' });
    expect(problem![0]).to.equal('colour');
    expect(problem![1]).to.equal('known');
    expect(problem![2]).to.include('categories').and.include('lifetimeDays');
  });

  it('leaves out a wrong value and keeps its default', () => {
    const { config, problems } = validateConfig({ categories, lifetimeDays: MAX_LIFETIME_DAYS + 1, revision: -1, privacyUrl: 'javascript:alert(1)' });
    expect(problems).to.deep.equal([
      ['lifetimeDays', 'days', MAX_LIFETIME_DAYS + 1],
      ['revision', 'revision', -1],
      ['privacyUrl', 'url', 'javascript:alert(1)'],
    ]);
    expect(config.lifetimeDays).to.equal(DEFAULT_LIFETIME_DAYS);
    expect(config.revision).to.equal(0);
    expect(config.privacyUrl).to.equal(undefined);
  });

  it('refuses a category or service name that cannot travel in the cookie', () => {
    expect(paths({ categories: { ...categories, 'ads|x': {}, ads: { services: { 'a b': {} } } } })).to.deep.equal(['categories.ads|x', 'categories.ads.services.a b']);
  });

  it('adds the necessary category, locked on, when the config lacks it, and locks it when it says otherwise', () => {
    const missing = validateConfig({ categories: { analytics: {} } });
    expect(missing.problems).to.deep.equal([[`categories.${NECESSARY}`, NECESSARY]]);
    expect(missing.config.categories[NECESSARY]!.readOnly).to.equal(true);
    expect(validateConfig({ categories: { necessary: { readOnly: false } } }).config.categories[NECESSARY]!.readOnly).to.equal(true);
  });

  it('keeps a JSON "__proto__" key a key, which it reports, never a prototype', () => {
    const input = JSON.parse('{ "categories": { "necessary": {}, "__proto__": { "readOnly": true } } }');
    const { config, problems } = validateConfig(input);
    expect(problems.map(([path, expected]) => `${path} ${expected}`)).to.deep.equal(['categories.__proto__ name']);
    expect(Object.keys(config.categories)).to.deep.equal([NECESSARY]);
    expect(({} as Record<string, unknown>).readOnly).to.equal(undefined);
  });

  it('checks the items of a list one by one: a cookie is a name, a pattern or a described cookie', () => {
    const { config, problems } = validateConfig({ categories: { necessary: {}, analytics: { cookies: ['_ga', 42, { name: '_gid', lifetime: '1 day' }, { lifetime: 'x' }] } } });
    expect(problems.map(([path, expected]) => `${path} ${expected}`)).to.deep.equal(['categories.analytics.cookies[1] cookie', 'categories.analytics.cookies[3] cookie']);
    expect(config.categories.analytics!.cookies).to.deep.equal(['_ga', { name: '_gid', lifetime: '1 day' }]);
  });

  it('asks for a statementVersion when the revision follows the statement, and for an endpoint with a consent log', () => {
    expect(paths({ categories, revisionFrom: 'statement' })).to.deep.equal(['statementVersion']);
    expect(validateConfig({ categories, revisionFrom: 'statement', statementVersion: '2026-03' }).config.revision).to.equal(statementRevision('2026-03'));
    expect(paths({ categories, consentLog: {} })).to.deep.equal(['consentLog.endpoint']);
  });

  it('drops a newsletter topic without an id', () => {
    const { config, problems } = validateConfig({ categories, newsletter: { topics: [{ id: 'weekly', label: 'Weekly' }, { label: 'No id' }] } });
    expect(problems.map(([path]) => path)).to.deep.equal(['newsletter.topics[1].id']);
    expect(config.newsletter!.topics!.map((topic) => topic.id)).to.deep.equal(['weekly']);
  });

  it("agrees with the page view's quick read on what decides whether a stored record is valid", () => {
    const inputs: unknown[] = [
      { categories, revision: 7, lifetimeDays: 30, cookie: { name: 'site_consent' } },
      { categories, revision: 1e9, lifetimeDays: 0, cookie: { name: 'bad name' } },
      { categories, revision: '3', lifetimeDays: '30', cookie: 'x' },
      { categories, revisionFrom: 'statement', statementVersion: 'v2' },
      { categories: { necessary: {}, 'bad|name': {}, analytics: { readOnly: 'yes' } } },
      JSON.parse('{ "categories": { "necessary": {}, "__proto__": {} }, "revision": 4 }'),
      { categories: [] },
      null,
    ];
    for (const input of inputs) {
      const quick = readConfigForPageView(input);
      const full = validateConfig(input).config;
      const decisive = ({ revision, lifetimeDays, cookie, usable, categories: byName }: typeof full) => ({
        revision,
        lifetimeDays,
        cookie: cookie.name,
        usable,
        categories: Object.entries(byName).map(([name, category]) => `${name}${category.readOnly ? ' locked' : ''}`),
      });
      expect(decisive(quick), JSON.stringify(input)).to.deep.equal(decisive(full));
    }
  });
});
