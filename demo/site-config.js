// The demo site's Keuze config, one file for all its pages in both languages, as a real site
// would render one config into every page. An external file works under the pages' strict CSP,
// like the `<script type="application/json" id="keuze-config">` element does (docs/configuration.md).
// demo.js adds the host callback. Both load with `defer`, before the Keuze module runs.
{
  const base = document.documentElement.lang === 'en' ? '/demo/en/' : '/demo/';
  const config = {
    revision: 1,
    revisionFrom: 'statement',
    statementVersion: '16-09-2016',
    categories: {
      necessary: {
        cookies: [
          {
            name: 'keuze_consent',
            provider: 'Boekvlot',
            thirdParty: false,
            lifetime: {
              nl: '180 dagen',
              en: '180 days',
            },
            purpose: {
              nl: 'Onthoudt je cookiekeuze.',
              en: 'Remembers your cookie choice.',
            },
          },
        ],
      },
      analytics: {
        description: {
          nl: 'Meten hoe de site gebruikt wordt, zodat we hem kunnen verbeteren.',
          en: 'Measuring how the site is used, so we can improve it.',
        },
        services: {
          stats: {
            label: {
              nl: 'Boekvlot Statistiek',
              en: 'Boekvlot Stats',
            },
            description: {
              nl: 'Telt bezoeken op onze eigen server, zonder andere partijen.',
              en: 'Counts visits on our own server, without other parties.',
            },
            cookies: [
              {
                name: '_demo_stats',
                provider: 'Boekvlot',
                thirdParty: false,
                lifetime: {
                  nl: '1 jaar',
                  en: '1 year',
                },
                purpose: {
                  nl: 'Herkent terugkerende bezoeken.',
                  en: 'Recognises returning visits.',
                },
              },
            ],
          },
        },
      },
      marketing: {
        description: {
          nl: 'Advertenties en video’s van andere partijen.',
          en: 'Advertising and videos from other parties.',
        },
        services: {
          ads: {
            label: {
              nl: 'Advertentienetwerk (voorbeeld)',
              en: 'Ad network (example)',
            },
            description: {
              nl: 'Meet welke advertenties bezoekers naar ons brengen.',
              en: 'Measures which ads bring visitors to us.',
            },
            cookies: [
              {
                name: '_demo_ads',
                provider: 'AdNetwork (example)',
                thirdParty: true,
                lifetime: {
                  nl: '90 dagen',
                  en: '90 days',
                },
                purpose: {
                  nl: 'Meet welke advertentie je naar ons bracht.',
                  en: 'Measures which ad brought you here.',
                },
              },
            ],
          },
          video: {
            label: {
              nl: 'Videospeler (voorbeeld)',
              en: 'Video player (example)',
            },
            description: {
              nl: 'Toont ingesloten video’s van een andere partij.',
              en: 'Shows embedded videos from another party.',
            },
          },
        },
      },
    },
    newsletter: {
      topics: [
        {
          id: 'newsletter',
          label: {
            nl: 'Nieuwsbrief',
            en: 'Newsletter',
          },
          description: {
            nl: 'Nieuwe functies en tips voor je administratie.',
            en: 'New features and tips for your bookkeeping.',
          },
        },
        {
          id: 'research',
          label: {
            nl: 'Uitnodigingen voor onderzoek',
            en: 'Research invitations',
          },
          description: {
            nl: 'Af en toe de vraag of je wilt meedenken over Boekvlot.',
            en: 'Now and then, an invitation to help us improve Boekvlot.',
          },
        },
        {
          id: 'service',
          label: {
            nl: 'Serviceberichten',
            en: 'Service messages',
          },
          description: {
            nl: 'Over je account, zoals wijzigingen in je abonnement.',
            en: 'About your account, such as changes to your subscription.',
          },
          required: true,
        },
      ],
      frequency: {
        nl: 'hooguit één keer per maand',
        en: 'at most once a month',
      },
      timeout: 8000,
    },
    // The rights request form (privacy-request.html): an ID copy may be added, masked in the page.
    privacyRequest: {
      idCopy: 'optional',
      controller: 'Boekvlot B.V.',
    },
    // Proof of consent: the demo server (@keuze/server, run by npm start) stores each entry.
    consentLog: { endpoint: '/demo-api/consent-log' },
    // The demo server re-issues the consent cookie on returning visits (Safari's 7-day cap).
    cookie: { renewUrl: '/demo-api/consent-cookie' },
  };
  config.lang = document.documentElement.lang;
  config.privacyUrl = `${base}privacy.html`;
  config.newsletter.preferencesUrl = `${base}newsletter.html`;
  window.KeuzeConfig = config;
}
