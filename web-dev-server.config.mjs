/** `npm start`: serves the repo so the demo loads the built script tag from /dist/. */
const port = Number(process.env.PORT ?? 8000);

/** The demo is the site: `/` and `/en/` are its pages. */
const demoAtRoot = (context, next) => {
  if (context.path === '/' || context.path === '/en' || context.path === '/en/') {
    context.redirect(context.path === '/' ? '/demo/' : '/demo/en/');
    return undefined;
  }
  return next();
};

/** The demo site's consent-log endpoint: prints each entry, as a real server would store it. */
const consentLog = async (context, next) => {
  if (context.path !== '/demo-api/consent-log' || context.method !== 'POST') return next();
  let body = '';
  for await (const chunk of context.req) body += chunk;
  console.log(`[demo server] consent log: ${body}`);
  context.status = 204;
  return undefined;
};

export default {
  rootDir: '.',
  port,
  hostname: 'localhost',
  middleware: [demoAtRoot, consentLog],
};
