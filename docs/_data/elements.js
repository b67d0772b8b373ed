// The element reference pages come from the custom elements manifest (`npm run manifest`), which
// is generated from the JSDoc in packages/elements/src: the API tables cannot drift from the code.
// What the manifest cannot know, a usage snippet and the guide that explains the element, is here.
import { readFileSync } from 'node:fs';

const manifestUrl = new URL('../../packages/elements/custom-elements.json', import.meta.url);

const guides = {
  'keuze-cookie-banner': {
    guide: 'elements.md#keuze-cookie-banner',
    usage: `<!-- The script tag adds a banner itself; place one to choose where it goes. -->
<keuze-cookie-banner layout="inline"></keuze-cookie-banner>`,
  },
  'keuze-cookie-preferences': {
    guide: 'elements.md#keuze-cookie-preferences',
    usage: `<!-- Any element with data-keuze-open opens the dialog; Keuze adds the dialog when needed. -->
<a href="/cookies" data-keuze-open="preferences">Cookie settings</a>

<script type="module">
  // Or from code; focus returns to the opener when it closes.
  Keuze.showPreferences(document.querySelector('#settings'));
</script>`,
  },
  'keuze-reopen-button': {
    guide: 'elements.md#keuze-reopen-button',
    usage: `<!-- Or "reopenButton": true in the config -->
<keuze-reopen-button></keuze-reopen-button>`,
  },
  'keuze-privacy-statement': {
    guide: 'privacy-statement.md#keuze-privacy-statement',
    usage: `<keuze-privacy-statement src-nl="/privacy.nl.md" src-en="/privacy.en.md"></keuze-privacy-statement>`,
  },
  'keuze-cookie-declaration': {
    guide: 'privacy-statement.md#keuze-cookie-declaration',
    usage: `<h2>Cookies</h2>
<keuze-cookie-declaration></keuze-cookie-declaration>`,
  },
  'keuze-newsletter-signup': {
    guide: 'newsletter.md#keuze-newsletter-signup',
    usage: `<keuze-newsletter-signup></keuze-newsletter-signup>`,
  },
  'keuze-embed-placeholder': {
    guide: 'elements.md#keuze-embed-placeholder',
    usage: `<!-- Keuze adds the placeholder itself, before each gated iframe that is not allowed. -->
<iframe data-category="functional" data-service="youtube" width="560" height="315" title="Productvideo"
        data-src="https://www.youtube-nocookie.com/embed/VIDEO_ID"
        data-placeholder-image="/img/video-poster.jpg"></iframe>`,
  },
  'keuze-newsletter-preferences': {
    guide: 'newsletter.md#keuze-newsletter-preferences',
    usage: `<!-- The page the link in your emails opens: /newsletter?token=… -->
<keuze-newsletter-preferences></keuze-newsletter-preferences>`,
  },
  'keuze-privacy-request': {
    guide: 'privacy-request.md#keuze-privacy-request',
    usage: `<!-- Your "your privacy rights" page; privacyRequest in the config sets kinds, ID copy and endpoint. -->
<keuze-privacy-request></keuze-privacy-request>`,
  },
};

const isPublic = (member) => !member.privacy && !member.static && !member.name.startsWith('#');
const typeText = (item) => ({ ...item, typeText: item.type?.text });
const signature = (method) => ({
  ...method,
  signature: `${method.name}(${(method.parameters ?? []).map((parameter) => (parameter.default ? `${parameter.name} = ${parameter.default}` : parameter.name)).join(', ')})`,
  returns: method.return?.type?.text,
});

export default function () {
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => ({ declaration, path: module.path })))
    .map(({ declaration, path }) => {
      const extra = guides[declaration.tagName];
      if (!extra) throw new Error(`docs/_data/elements.js: add a usage snippet and guide for <${declaration.tagName}>`);
      const members = (declaration.members ?? []).filter(isPublic);
      return {
        ...extra,
        tag: declaration.tagName,
        className: declaration.name,
        source: path,
        summary: declaration.summary ?? '',
        description: declaration.description ?? '',
        // One row per property, with its attribute; an attribute without a public property gets its own row.
        properties: [
          ...members.filter((member) => member.kind === 'field'),
          ...(declaration.attributes ?? [])
            .filter((attribute) => !members.some((member) => member.name === attribute.fieldName))
            .map((attribute) => ({ ...attribute, attribute: attribute.name, name: undefined })),
        ].map(typeText),
        methods: members.filter((member) => member.kind === 'method').map(signature),
        events: declaration.events ?? [],
        slots: declaration.slots ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
}
