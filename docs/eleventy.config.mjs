// The docs site: the Markdown in docs/ as static HTML, with no client-side JavaScript.
// Eleventy because lit.dev, open-wc and modern-web.dev are built on it: Markdown in, HTML out,
// no framework. Pages stay readable on GitHub: their links point at `foo.md`, which the site
// rewrites to `foo.html`, and headings get the ids GitHub gives them.

/** GitHub's heading ids: lower case, punctuation dropped, each space a hyphen. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** `configuration.md#cookie` → `configuration.html#cookie`; other URLs are left alone. */
function pageHref(href) {
  return href.replace(/^([\w./-]+)\.md(#.*)?$/, (_, path, hash = '') => `${path}.html${hash}`);
}

function markdownRules(md) {
  md.core.ruler.push('github_heading_ids', (state) => {
    const seen = new Map();
    state.tokens.forEach((token, index) => {
      if (token.type !== 'heading_open') return;
      const text = state.tokens[index + 1].children
        .filter((child) => child.type === 'text' || child.type === 'code_inline')
        .map((child) => child.content)
        .join('');
      const base = slug(text);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      token.attrSet('id', count ? `${base}-${count}` : base);
    });
  });
  // Code blocks and tables scroll sideways on a narrow screen, so they must take keyboard focus
  // (WCAG 2.1.1); without client JS we cannot tell which ones overflow.
  const renderFence = md.renderer.rules.fence;
  md.renderer.rules.fence = (...args) => renderFence(...args).replace(/^<pre/, '<pre tabindex="0"');
  md.renderer.rules.table_open = (tokens, index, options, env, self) => {
    tokens[index].attrSet('tabindex', '0');
    return self.renderToken(tokens, index, options);
  };
  const renderLink = md.renderer.rules.link_open ?? ((tokens, index, options, env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const href = tokens[index].attrGet('href');
    if (href) tokens[index].attrSet('href', pageHref(href));
    return renderLink(tokens, index, options, env, self);
  };
}

export default function (eleventyConfig) {
  let markdown;
  eleventyConfig.amendLibrary('md', (md) => {
    markdownRules(md);
    markdown = md;
  });
  eleventyConfig.addFilter('markdownInline', (text = '') => markdown.renderInline(text));
  eleventyConfig.addFilter('slug', slug);
  // Page URLs as relative links, so the site works under any path prefix.
  eleventyConfig.addFilter('relativeUrl', (url) => (url === '/' ? 'index.html' : url.replace(/^\//, '')));
  // The nav: pages without a `navGroup` first, then one list per group, in order of appearance.
  eleventyConfig.addFilter('navGroups', (pages) => {
    const groups = new Map([[undefined, []]]);
    for (const page of pages) {
      if (!groups.has(page.data.navGroup)) groups.set(page.data.navGroup, []);
      groups.get(page.data.navGroup).push(page);
    }
    return [...groups].map(([name, pages]) => ({ name, pages }));
  });

  // One flat folder, `api.md` → `api.html`, so relative links work the same on GitHub and on the
  // site, under any path prefix.
  eleventyConfig.addGlobalData('permalink', () => (data) => `${data.page.filePathStem}.html`);
  eleventyConfig.addGlobalData('layout', 'page.njk');
  eleventyConfig.addPassthroughCopy({ 'docs/images': 'images' });

  eleventyConfig.addCollection('pages', (collections) =>
    collections
      .getAll()
      .filter((page) => page.data.title)
      .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.data.title.localeCompare(b.data.title)),
  );

  return {
    // The output folder comes from the caller: `npm run docs` writes docs/_site, the test a temp folder.
    dir: { input: 'docs' },
    templateFormats: ['md', 'njk'],
    // The docs show i18next's `{{purposes}}` and similar as text, so Markdown is not a template.
    markdownTemplateEngine: false,
  };
}
