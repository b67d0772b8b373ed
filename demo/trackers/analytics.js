// Stand-in for an analytics tag (no third party is contacted): sets its cookie and says it ran.
// Keuze runs it only once the visitor grants "analytics".
document.cookie = `_demo_stats=${Date.now().toString(36)}; path=/; max-age=31536000; SameSite=Lax`;
window.dispatchEvent(new CustomEvent('demo-tracker', { detail: 'analytics' }));
