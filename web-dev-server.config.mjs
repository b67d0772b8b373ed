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

/**
 * The demo site's privacy-request endpoint, until @keuze/server's takes its place: reads the
 * multipart request, prints it (the ID copy by type and size) and answers a reference.
 */
let requestNumber = 0;
const privacyRequest = async (context, next) => {
  if (context.path !== '/demo-api/privacy-request' || context.method !== 'POST') return next();
  const chunks = [];
  for await (const chunk of context.req) chunks.push(chunk);
  try {
    const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': context.get('content-type') } }).formData();
    const fields = Object.fromEntries([...form].map(([name, value]) => [name, typeof value === 'string' ? value : `${value.type}, ${value.size} bytes`]));
    requestNumber += 1;
    const reference = `BV-${new Date().getFullYear()}-${String(requestNumber).padStart(4, '0')}`;
    console.log(`[demo server] privacy request ${reference}: ${JSON.stringify(fields)}`);
    context.body = { reference };
  } catch (error) {
    console.log(`[demo server] privacy request not readable: ${error}`);
    context.status = 400;
  }
  return undefined;
};

export default {
  rootDir: '.',
  port,
  hostname: 'localhost',
  middleware: [demoAtRoot, consentLog, privacyRequest],
};
